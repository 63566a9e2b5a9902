using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Requests;

/// <summary>Settings for the safeguards (configuration section PowRegistry:Requests), checked when the app starts.</summary>
public sealed class RequestOptions
{
    public const string Section = "PowRegistry:Requests";

    /// <summary>How recent (in days before the handover) his verified private-interview statement must be.</summary>
    [Range(0, 365, ErrorMessage = Section + ":ReconfirmationDays must be between {1} and {2} days.")]
    public int ReconfirmationDays { get; set; } = 30;

    /// <summary>While hostilities go on, GC III Art. 109(3) applies to seriously sick or wounded prisoners.</summary>
    public bool HostilitiesOngoing { get; set; } = true;

    /// <summary>A scheduled handover counts as due from this many days before its date (and stays due once past it).</summary>
    [Range(0, 365, ErrorMessage = Section + ":HandoverDueWithinDays must be between {1} and {2} days.")]
    public int HandoverDueWithinDays { get; set; } = 7;
}
