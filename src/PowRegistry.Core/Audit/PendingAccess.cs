namespace PowRegistry.Core.Audit;

/// <summary>One view of a record waiting in <see cref="AccessLog"/>'s queue; its task completes when the entry is committed.</summary>
internal sealed class PendingAccess(DateTimeOffset at, string userId, string entityType, string entityId, int? prisonerId)
{
    public DateTimeOffset At { get; } = at;
    public string UserId { get; } = userId;
    public string EntityType { get; } = entityType;
    public string EntityId { get; } = entityId;
    public int? PrisonerId { get; } = prisonerId;

    /// <summary>Completed by the writer on another thread: continuations must not run inline on it.</summary>
    public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
