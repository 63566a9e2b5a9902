using PowRegistry.Core.Common;

namespace PowRegistry.Core.Consultations;

/// <summary>A consultation between governments (and with the ICRC or UNHCR) about prisoners or the arrangements in general.</summary>
public sealed class Consultation
{
    private readonly List<ConsultationStatusChange> _changes = [];
    private readonly List<ActionItem> _actionItems = [];

    // The moves an administrator tracking real consultations makes (ADR-013). Forward to any later step, because the
    // register often learns of a step after the next one has happened; back only where a new round of talks begins.
    private static readonly Dictionary<ConsultationStatus, ConsultationStatus[]> Allowed = new()
    {
        // Recorded before or after the event: any later step, or dropped.
        [ConsultationStatus.Proposed] =
        [
            ConsultationStatus.Scheduled, ConsultationStatus.Held, ConsultationStatus.FollowUpPending, ConsultationStatus.AgreedInPrinciple,
            ConsultationStatus.Implemented, ConsultationStatus.Stalled, ConsultationStatus.Closed,
        ],

        // Postponed without a new date goes back to proposed.
        [ConsultationStatus.Scheduled] =
        [
            ConsultationStatus.Proposed, ConsultationStatus.Held, ConsultationStatus.FollowUpPending, ConsultationStatus.AgreedInPrinciple,
            ConsultationStatus.Implemented, ConsultationStatus.Stalled, ConsultationStatus.Closed,
        ],
        [ConsultationStatus.Held] =
        [
            ConsultationStatus.FollowUpPending, ConsultationStatus.AgreedInPrinciple, ConsultationStatus.Implemented,
            ConsultationStatus.Stalled, ConsultationStatus.Closed,
        ],

        // The follow-up is another meeting: given a date, or held.
        [ConsultationStatus.FollowUpPending] =
        [
            ConsultationStatus.Scheduled, ConsultationStatus.Held, ConsultationStatus.AgreedInPrinciple, ConsultationStatus.Implemented,
            ConsultationStatus.Stalled, ConsultationStatus.Closed,
        ],

        // Agreed in principle, with details still to settle in further talks.
        [ConsultationStatus.AgreedInPrinciple] =
        [
            ConsultationStatus.FollowUpPending, ConsultationStatus.Implemented, ConsultationStatus.Stalled, ConsultationStatus.Closed,
        ],

        // Talks resume where they stood, or it is given up.
        [ConsultationStatus.Stalled] =
        [
            ConsultationStatus.Proposed, ConsultationStatus.Scheduled, ConsultationStatus.Held, ConsultationStatus.FollowUpPending,
            ConsultationStatus.AgreedInPrinciple, ConsultationStatus.Closed,
        ],

        // Finished: nothing more is expected of anyone; a new round is a new consultation.
        [ConsultationStatus.Implemented] = [],
        [ConsultationStatus.Closed] = [],
    };

    private Consultation() { }

    internal Consultation(ConsultationInput input, DateOnly date, int deskId, IReadOnlyList<int> counterpartIds, IReadOnlyList<int> prisonerIds, IReadOnlyList<int> requestIds, Actor actor, DateTimeOffset now)
    {
        DeskId = deskId;
        Apply(input, date, counterpartIds, prisonerIds, requestIds);
        CreatedBy = actor.UserId;
        CreatedAt = now;
        LastActivityAt = now;
        Version = 1;
        _changes.Add(new ConsultationStatusChange(null, ConsultationStatus.Proposed, actor, now));
    }

    /// <summary>The record after the meeting: positions, outcome, next step, and whom it concerns. Counts as activity.</summary>
    internal void Update(ConsultationInput input, DateOnly date, IReadOnlyList<int> counterpartIds, IReadOnlyList<int> prisonerIds, IReadOnlyList<int> requestIds, DateTimeOffset now)
    {
        Apply(input, date, counterpartIds, prisonerIds, requestIds);
        LastActivityAt = now;
        Version++;
    }

    private void Apply(ConsultationInput input, DateOnly date, IReadOnlyList<int> counterpartIds, IReadOnlyList<int> prisonerIds, IReadOnlyList<int> requestIds)
    {
        Title = Text.Clean(input.Title)!;
        Channel = input.Channel!.Value;
        Date = date;
        Participants = Text.Clean(input.Participants, multiline: true);
        Subject = Text.Clean(input.Subject, multiline: true);
        Classification = Text.Clean(input.Classification);
        Positions = Text.Clean(input.Positions, multiline: true);
        Outcome = Text.Clean(input.Outcome, multiline: true);
        NextStep = Text.Clean(input.NextStep, multiline: true);
        CounterpartIds = counterpartIds.Distinct().ToList();
        PrisonerIds = prisonerIds.Distinct().ToList();
        RequestIds = requestIds.Distinct().ToList();
    }

    public int Id { get; private set; }

    /// <summary>The desk that owns it: need-to-know applies to consultations as to prisoners' records.</summary>
    public int DeskId { get; private set; }
    public string Title { get; private set; } = "";
    public ConsultationChannel Channel { get; private set; }

    /// <summary>Planned or held.</summary>
    public DateOnly Date { get; private set; }
    public string? Participants { get; private set; }
    public string? Subject { get; private set; }
    public string? Classification { get; private set; }
    public string? Positions { get; private set; }
    public string? Outcome { get; private set; }
    public string? NextStep { get; private set; }
    public ConsultationStatus Status { get; private set; }

    /// <summary>The counterparts (one or more), and the prisoners and requests it concerns (none means general arrangements).</summary>
    public List<int> CounterpartIds { get; private set; } = [];
    public List<int> PrisonerIds { get; private set; } = [];
    public List<int> RequestIds { get; private set; } = [];

    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When anything last happened: reviews call a consultation stalled after a configurable quiet period.</summary>
    public DateTimeOffset LastActivityAt { get; private set; }

    /// <summary>Optimistic concurrency: an edit made from a stale page is refused, not silently overwritten.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ConsultationStatusChange> Changes => _changes;
    public IReadOnlyList<ActionItem> ActionItems => _actionItems;

    public bool IsGeneral => PrisonerIds.Count == 0 && RequestIds.Count == 0;

    /// <summary>Finished: nothing more is expected of anyone.</summary>
    public bool IsFinished => IsFinishedStatus(Status);

    private static bool IsFinishedStatus(ConsultationStatus status) => status is ConsultationStatus.Implemented or ConsultationStatus.Closed;

    /// <summary>
    /// Stalled in reviews: marked so, or unfinished with no activity (status change, action item, document) for
    /// <paramref name="quietDays"/> days.
    /// </summary>
    public bool IsStalled(DateTimeOffset now, int quietDays) => IsStalledAt(Status, LastActivityAt, now, quietDays);

    /// <summary>The same rule on the two fields it reads, for the review, which loads only those.</summary>
    public static bool IsStalledAt(ConsultationStatus status, DateTimeOffset lastActivityAt, DateTimeOffset now, int quietDays) =>
        status == ConsultationStatus.Stalled
        || (!IsFinishedStatus(status) && lastActivityAt <= now.AddDays(-quietDays));

    /// <summary>Something happened (a document was attached): the quiet period starts again.</summary>
    internal void Touch(DateTimeOffset now) => LastActivityAt = now;

    /// <summary>The statuses a consultation may move to from <paramref name="from"/> (none once it is finished).</summary>
    public static IReadOnlyList<ConsultationStatus> NextSteps(ConsultationStatus from) => Allowed[from];

    /// <summary>
    /// Moves the consultation, or says why it may not (nothing changes then): an invalid choice of status, shown next
    /// to the status list (the API answers 400 with errors.status, ADR-013). Asking for the status it already has changes nothing and is not refused, so a repeated request (an
    /// API retry) is harmless.
    /// </summary>
    public IReadOnlyList<Refusal> ChangeStatus(ConsultationStatus to, Actor actor, DateTimeOffset now)
    {
        if (to == Status) return [];
        if (IsFinished) return [Refusal.Invalid("Consultation.Status.Finished", StatusWord(Status)).On(nameof(Status))];
        if (!Allowed[Status].Contains(to)) return [Refusal.Invalid("Consultation.Status.NotAllowed", StatusWord(Status), StatusWord(to)).On(nameof(Status))];
        _changes.Add(new ConsultationStatusChange(Status, to, actor, now));
        Status = to;
        LastActivityAt = now;
        return [];
    }

    /// <summary>A status as it reads inside a sentence ("follow-up pending"), not as a label.</summary>
    public static Message StatusWord(ConsultationStatus status) => new($"Consultation.StatusWord.{status}");

    public ActionItem AddActionItem(string what, string ownerId, DateOnly due, Actor actor, DateTimeOffset now)
    {
        var item = new ActionItem(what, ownerId, due, actor, now);
        _actionItems.Add(item);
        LastActivityAt = now;
        return item;
    }

    public void CompleteActionItem(int itemId, Actor actor, DateTimeOffset now)
    {
        var item = _actionItems.First(i => i.Id == itemId);
        item.MarkDone(actor, now);
        LastActivityAt = now;
    }
}
