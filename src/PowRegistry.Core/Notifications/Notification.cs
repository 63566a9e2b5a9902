using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Notifications;

/// <summary>
/// One notification owed to the Central Tracing Agency about a custody event, with its deadline. Created by the
/// prisoner's record together with the event (same save); marked sent once, with the date, channel and reference.
/// </summary>
public sealed class Notification
{
    private Notification() { }

    internal Notification(NotificationKind kind, CustodyEvent? custodyEvent, DateOnly eventDate, DateOnly dueOn, Actor actor, DateTimeOffset now)
    {
        Kind = kind;
        Event = custodyEvent;
        EventDate = eventDate;
        DueOn = dueOn;
        CreatedBy = actor.UserId;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int PrisonerId { get; private set; }
    public NotificationKind Kind { get; private set; }

    /// <summary>The custody event it is about (null for a capture card owed by a record registered before notifications existed).</summary>
    public int? CustodyEventId { get; private set; }
    public CustodyEvent? Event { get; private set; }

    public DateOnly EventDate { get; private set; }
    public DateOnly DueOn { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public DateOnly? SentOn { get; private set; }
    public NotificationChannel? Channel { get; private set; }
    public string? SentReference { get; private set; }
    public string? SentRecordedBy { get; private set; }
    public DateTimeOffset? SentRecordedAt { get; private set; }

    public bool IsOpen => SentOn is null;

    public bool IsOverdue(DateOnly today) => IsOpen && DueOn < today;

    /// <summary>Records it sent, or says why not (nothing changes then): already sent, or sent before the event it reports.</summary>
    internal Refusal? MarkSent(DateOnly sentOn, NotificationChannel channel, string? reference, Actor actor, DateTimeOffset now)
    {
        if (SentOn is { } sent) return Refusal.Conflict("Notification.AlreadySentOn", sent);
        if (sentOn < EventDate) return Refusal.Invalid("Notification.SentBeforeEvent", EventDate).On(nameof(SentInput.SentOn));
        SentOn = sentOn;
        Channel = channel;
        SentReference = reference;
        SentRecordedBy = actor.UserId;
        SentRecordedAt = now;
        return null;
    }
}
