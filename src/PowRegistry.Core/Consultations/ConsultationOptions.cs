using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Consultations;

/// <summary>Settings for consultations (configuration section PowRegistry:Consultations), checked when the app starts.</summary>
public sealed class ConsultationOptions
{
    public const string Section = "PowRegistry:Consultations";

    /// <summary>An unfinished consultation with no activity for this many days shows as stalled in reviews.</summary>
    [Range(1, 3650, ErrorMessage = Section + ":StalledAfterDays must be between {1} and {2} days.")]
    public int StalledAfterDays { get; set; } = 30;

    /// <summary>The largest document that may be attached (held in memory and stored as one row, so bounded: 100 MB).</summary>
    [Range(1, 100 * 1024 * 1024, ErrorMessage = Section + ":MaxDocumentBytes must be between {1} and {2} bytes.")]
    public int MaxDocumentBytes { get; set; } = 10 * 1024 * 1024;
}
