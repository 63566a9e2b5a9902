namespace PowRegistry.Core.Audit;

public sealed record AuditRow(long Id, DateTimeOffset At, string UserId, string UserName, string Action, string EntityType, string EntityId, int? PrisonerId, IReadOnlyList<FieldChange> Changes);
