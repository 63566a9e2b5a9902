using PowRegistry.Core.Common;

namespace PowRegistry.Core.Audit;

/// <summary>The outcome of walking the audit chain; <see cref="Message"/> says it in words for the operator and the auditor.</summary>
public sealed record AuditVerification(bool Intact, long EntriesChecked, long? FirstBrokenId, Message Message)
{
    /// <summary>Entries whose values were redacted under retention (ADR-024): intact, reported apart.</summary>
    public long Redacted { get; init; }
}
