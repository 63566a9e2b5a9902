namespace PowRegistry.Core.Retention;

/// <summary>What one run of retention did: the records it anonymised, those it kept because held, and any it could not (ids only).</summary>
public sealed record RetentionRun(IReadOnlyList<RetentionDue> Anonymised, IReadOnlyList<RetentionDue> Held, IReadOnlyList<(RetentionDue Due, long BrokenAuditEntry)> Failed)
{
    /// <summary>Consultation documents removed because they were past DocumentYears.</summary>
    public int DocumentsRemoved { get; init; }

    /// <summary>Access entries past AccessLogYears whose viewer was removed.</summary>
    public int AccessEntriesExpired { get; init; }

    /// <summary>An access entry that failed verification, so the expiry stopped before it (nothing of its batch was changed).</summary>
    public long? AccessExpiryBrokenAt { get; init; }
}
