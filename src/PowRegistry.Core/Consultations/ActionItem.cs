using PowRegistry.Core.Common;

namespace PowRegistry.Core.Consultations;

/// <summary>Something to do after a consultation: what, who (a user), by when, and whether it is done.</summary>
public sealed class ActionItem
{
    private ActionItem() { }

    internal ActionItem(string what, string ownerId, DateOnly due, Actor actor, DateTimeOffset now)
    {
        What = what;
        OwnerId = ownerId;
        DueOn = due;
        CreatedBy = actor.UserId;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int ConsultationId { get; private set; }
    public string What { get; private set; } = "";
    public string OwnerId { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public bool Done { get; private set; }
    public string? DoneBy { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsOverdue(DateOnly today) => !Done && DueOn < today;

    internal void MarkDone(Actor actor, DateTimeOffset now) => (Done, DoneBy, DoneAt) = (true, actor.UserId, now);
}
