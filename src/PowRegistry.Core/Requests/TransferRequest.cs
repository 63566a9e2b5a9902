using System.ComponentModel.DataAnnotations;

using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Requests;

public enum RequestStatus
{
    [Display(Name = "Draft")] Draft = 0,
    [Display(Name = "Submitted")] Submitted = 1,
    [Display(Name = "Under consultation")] UnderConsultation = 2,
    [Display(Name = "Accepted by the receiving state")] Accepted = 3,
    [Display(Name = "Refused by the receiving state")] Refused = 4,
    [Display(Name = "Handover scheduled")] HandoverScheduled = 5,
    [Display(Name = "Completed")] Completed = 6,
    [Display(Name = "Withdrawn")] Withdrawn = 7,
}

/// <summary>What the gates need to know about the prisoner when a request moves.</summary>
public sealed record GateContext(Prisoner Prisoner, WishDeclaration? CurrentWish, DateOnly Today, int ReconfirmationDays, bool HostilitiesOngoing);

/// <summary>
/// A request to transfer or repatriate one prisoner to a destination state, resting on one wish statement.
/// The entity owns its status: only the transitions below exist, and the safeguards are checked on every move
/// (DOMAIN.md: reconfirmation gate, non-refoulement stop, GC III Art. 109(3)).
/// </summary>
public sealed class TransferRequest
{
    private readonly List<RequestStatusChange> _changes = [];

    private static readonly Dictionary<RequestStatus, RequestStatus[]> Allowed = new()
    {
        [RequestStatus.Draft] = [RequestStatus.Submitted, RequestStatus.Withdrawn],
        [RequestStatus.Submitted] = [RequestStatus.UnderConsultation, RequestStatus.Withdrawn],
        [RequestStatus.UnderConsultation] = [RequestStatus.Accepted, RequestStatus.Refused, RequestStatus.Withdrawn],
        [RequestStatus.Accepted] = [RequestStatus.HandoverScheduled, RequestStatus.Withdrawn],
        [RequestStatus.HandoverScheduled] = [RequestStatus.Completed, RequestStatus.Withdrawn],
        [RequestStatus.Refused] = [],
        [RequestStatus.Completed] = [],
        [RequestStatus.Withdrawn] = [],
    };

    private TransferRequest() { }

    internal TransferRequest(Prisoner prisoner, string destinationStateCode, int wishId, Actor actor, DateTimeOffset now)
    {
        PrisonerId = prisoner.Id;
        DestinationStateCode = destinationStateCode;
        IsReturnToOrigin = prisoner.NationalityCode is not null && prisoner.NationalityCode == destinationStateCode;
        WishId = wishId;
        CreatedBy = actor.UserId;
        CreatedAt = now;
        _changes.Add(new RequestStatusChange(null, RequestStatus.Draft, null, actor, now));
    }

    public int Id { get; private set; }
    public int PrisonerId { get; private set; }
    public string DestinationStateCode { get; private set; } = "";

    /// <summary>The destination is his country of origin (the nationality he claims): the non-refoulement stop applies.</summary>
    public bool IsReturnToOrigin { get; private set; }
    public int WishId { get; private set; }
    public RequestStatus Status { get; private set; }
    public DateOnly? HandoverDate { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>His wish changed after the request was accepted: it must be reviewed, never silently carried on.</summary>
    public bool FlaggedForReview { get; private set; }
    public string? FlagReason { get; private set; }

    // The non-refoulement stop, lifted only by two different administrators (neither the author), each with a reason.
    public string? FirstLiftBy { get; private set; }
    public string? FirstLiftReason { get; private set; }
    public DateTimeOffset? FirstLiftAt { get; private set; }
    public string? SecondLiftBy { get; private set; }
    public string? SecondLiftReason { get; private set; }
    public DateTimeOffset? SecondLiftAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<RequestStatusChange> Changes => _changes;

    public bool IsOpen => Status is not (RequestStatus.Completed or RequestStatus.Refused or RequestStatus.Withdrawn);
    public bool StopLifted => FirstLiftBy is not null && SecondLiftBy is not null;

    public static IReadOnlyList<RequestStatus> NextSteps(RequestStatus from) => Allowed[from];

    /// <summary>Moves the request, or says exactly why it may not (every failing condition, one message each).</summary>
    public IReadOnlyList<string> MoveTo(RequestStatus to, GateContext gate, string? note, DateOnly? handoverDate, Actor actor, DateTimeOffset now)
    {
        if (!Allowed[Status].Contains(to)) return [$"A request that is {Describe(Status)} cannot become {Describe(to)}."];
        var refusals = new List<string>();
        if (to == RequestStatus.Withdrawn && string.IsNullOrWhiteSpace(note)) refusals.Add("Say why the request is withdrawn.");
        if (to != RequestStatus.Withdrawn)
        {
            refusals.AddRange(NonRefoulementStop(gate));
            refusals.AddRange(Article109(gate));
        }
        if (to == RequestStatus.HandoverScheduled)
        {
            if (handoverDate is null) refusals.Add("Enter the date of the handover.");
            else if (handoverDate < gate.Today) refusals.Add("The handover date cannot be in the past.");
            refusals.AddRange(ReconfirmationGate(gate));
        }
        if (refusals.Count > 0) return refusals;

        _changes.Add(new RequestStatusChange(Status, to, Text.Clean(note, multiline: true), actor, now));
        Status = to;
        if (to == RequestStatus.HandoverScheduled) HandoverDate = handoverDate;
        if (to is RequestStatus.Withdrawn or RequestStatus.Completed) FlaggedForReview = false;
        Version++;
        return [];
    }

    /// <summary>No handover unless his latest wish, verified in a private interview recently, names this destination.</summary>
    public IEnumerable<string> ReconfirmationGate(GateContext gate)
    {
        var wish = gate.CurrentWish;
        if (wish is null)
        {
            yield return "He has no current wish statement.";
            yield break;
        }
        if (!NamesThisDestination(wish, gate.Prisoner)) yield return "His latest wish does not name this destination.";
        if (!wish.PrivateInterview) yield return "His latest wish was not taken in a private interview.";
        if (wish.Verification == WishVerification.Unverified) yield return "His latest wish has not been verified by a neutral party.";
        if (wish.TakenOn < gate.Today.AddDays(-gate.ReconfirmationDays)) yield return $"His latest wish is older than {gate.ReconfirmationDays} days: reconfirm it in a new interview.";
    }

    /// <summary>A return to his country of origin is stopped while his latest wish refuses it, states fear, or is undecided.</summary>
    public IEnumerable<string> NonRefoulementStop(GateContext gate)
    {
        if (!IsReturnToOrigin || StopLifted) yield break;
        var wish = gate.CurrentWish;
        if (wish is null) yield return "Non-refoulement stop: he has no current wish statement.";
        else if (wish.Destination == WishDestination.Undecided) yield return "Non-refoulement stop: his latest wish is undecided.";
        else if (wish.Destination != WishDestination.ReturnToOrigin) yield return "Non-refoulement stop: his latest wish refuses return.";
        if (wish is { FearsPersecution: true }) yield return "Non-refoulement stop: his latest statement records fear of persecution.";
    }

    /// <summary>GC III Art. 109(3): during hostilities no seriously sick or wounded prisoner is repatriated against his latest wish, whatever else is recorded.</summary>
    public IEnumerable<string> Article109(GateContext gate)
    {
        if (gate.HostilitiesOngoing && IsReturnToOrigin && gate.Prisoner.HealthStatus == HealthStatus.SeriouslySickOrWounded
            && gate.CurrentWish?.Destination != WishDestination.ReturnToOrigin)
        {
            yield return "GC III Art. 109(3): he is seriously sick or wounded and hostilities are ongoing; he is not repatriated against his latest wish.";
        }
    }

    /// <summary>One administrator's sign-off towards lifting the non-refoulement stop.</summary>
    public IReadOnlyList<string> SignOffLift(string? reason, Actor administrator, DateTimeOffset now)
    {
        if (!IsReturnToOrigin) return ["Only a return to his country of origin has a non-refoulement stop."];
        if (StopLifted) return ["The stop has already been lifted by two administrators."];
        if (administrator.UserId == CreatedBy) return ["The author of the request cannot sign off lifting its stop."];
        if (administrator.UserId == FirstLiftBy) return ["A second, different administrator must sign off."];
        var why = Text.Clean(reason, multiline: true);
        if (why is null) return ["Give your reason for lifting the stop."];
        if (FirstLiftBy is null) (FirstLiftBy, FirstLiftReason, FirstLiftAt) = (administrator.UserId, why, now);
        else (SecondLiftBy, SecondLiftReason, SecondLiftAt) = (administrator.UserId, why, now);
        Version++;
        return [];
    }

    /// <summary>After his wish changes: an accepted request that no longer matches it is flagged for review.</summary>
    internal void ReviewAgainst(WishDeclaration? currentWish, Prisoner prisoner)
    {
        if (Status is not (RequestStatus.Accepted or RequestStatus.HandoverScheduled)) return;
        if (currentWish is not null && NamesThisDestination(currentWish, prisoner)) return;
        FlaggedForReview = true;
        FlagReason = currentWish is null ? "His wish statements were withdrawn after the request was accepted." : "His wish changed after the request was accepted.";
        Version++;
    }

    /// <summary>A merge moves the duplicate record's requests to the surviving record.</summary>
    internal void MoveTo(int prisonerId) => PrisonerId = prisonerId;

    public bool NamesThisDestination(WishDeclaration wish, Prisoner prisoner) => wish.Destination switch
    {
        WishDestination.ReturnToOrigin => IsReturnToOrigin,
        WishDestination.RemainInDetainingState => DestinationStateCode == prisoner.DetainingPowerCode,
        WishDestination.TransferToThirdState => wish.DestinationStateCode == DestinationStateCode && !IsReturnToOrigin,
        _ => false,
    };

    private static string Describe(RequestStatus status) => status switch
    {
        RequestStatus.Accepted => "accepted",
        RequestStatus.Refused => "refused",
        RequestStatus.UnderConsultation => "under consultation",
        RequestStatus.HandoverScheduled => "handover scheduled",
        _ => status.ToString().ToLowerInvariant(),
    };
}

/// <summary>One dated, attributed change of a request's status.</summary>
public sealed class RequestStatusChange
{
    private RequestStatusChange() { }

    internal RequestStatusChange(RequestStatus? from, RequestStatus to, string? note, Actor actor, DateTimeOffset now)
    {
        From = from;
        To = to;
        Note = note;
        ChangedBy = actor.UserId;
        ChangedAt = now;
    }

    public int Id { get; private set; }
    public int RequestId { get; private set; }
    public RequestStatus? From { get; private set; }
    public RequestStatus To { get; private set; }
    public string? Note { get; private set; }
    public string ChangedBy { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }
}
