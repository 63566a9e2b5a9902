namespace PowRegistry.Core.Requests;

/// <summary>Which requests a list shows. With nothing set: every open request.</summary>
public sealed class RequestFilter
{
    public RequestStatus? Status { get; set; }

    /// <summary>Only those flagged for review after a change of wish.</summary>
    public bool Flagged { get; set; }

    /// <summary>Only scheduled handovers whose date is near or past (see <see cref="RequestOptions.HandoverDueWithinDays"/>).</summary>
    public bool HandoverDue { get; set; }
}
