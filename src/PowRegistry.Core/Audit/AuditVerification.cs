namespace PowRegistry.Core.Audit;

public sealed record AuditVerification(bool Intact, long EntriesChecked, long? FirstBrokenId, string Message);
