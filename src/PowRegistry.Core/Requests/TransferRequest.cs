using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Requests;

/// <summary>
/// A request to transfer or repatriate one prisoner to a destination state, resting on one wish statement.
/// The entity owns its status: only the transitions below exist, and every forward move re-checks every safeguard
/// against his latest wish and his record as they stand at that moment (DOMAIN.md: reconfirmation gate,
/// non-refoulement stop, GC III Art. 109(3); his custody status; the freeze while flagged for review).
/// docs/safeguards.md says which move runs which check.
/// </summary>
public sealed class TransferRequest
{
    private readonly List<RequestStatusChange> _changes = [];
    private readonly List<RequestReview> _reviews = [];

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
        WishId = wishId;
        CreatedBy = actor.UserId;
        CreatedAt = now;
        _changes.Add(new RequestStatusChange(null, RequestStatus.Draft, null, actor, now));
    }

    public int Id { get; private set; }
    public int PrisonerId { get; private set; }
    public string DestinationStateCode { get; private set; } = "";
    public int WishId { get; private set; }
    public RequestStatus Status { get; private set; }

    /// <summary>The date the handover is scheduled for.</summary>
    public DateOnly? HandoverDate { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>His wish changed while the request was on its way: it is frozen until an administrator reviews it.</summary>
    public bool FlaggedForReview { get; private set; }
    public string? FlagReason { get; private set; }

    // The non-refoulement stop, lifted only by two different administrators (neither the author), each with a reason.
    public string? FirstLiftBy { get; private set; }
    public string? FirstLiftReason { get; private set; }
    public DateTimeOffset? FirstLiftAt { get; private set; }
    public string? SecondLiftBy { get; private set; }
    public string? SecondLiftReason { get; private set; }
    public DateTimeOffset? SecondLiftAt { get; private set; }

    /// <summary>The wish statement the lift answers: a later statement puts the stop back in force.</summary>
    public int? LiftWishId { get; private set; }

    // The handover as it was carried out (recorded when the request is completed).
    public DateOnly? HandedOverOn { get; private set; }
    public string? HandoverPlace { get; private set; }
    public InterviewerOrganisation? WitnessOrganisation { get; private set; }
    public string? WitnessName { get; private set; }

    /// <summary>His statement the handover rested on: his latest, checked by the reconfirmation gate when it was completed.</summary>
    public int? HandoverWishId { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<RequestStatusChange> Changes => _changes;
    public IReadOnlyList<RequestReview> Reviews => _reviews;

    public bool IsOpen => Status is not (RequestStatus.Completed or RequestStatus.Refused or RequestStatus.Withdrawn);

    /// <summary>Two administrators signed off (whatever his statements since: see <see cref="StopLiftedFor"/>).</summary>
    public bool StopLifted => FirstLiftBy is not null && SecondLiftBy is not null;

    /// <summary>The lift holds only while the statement it answered is still his latest.</summary>
    public bool StopLiftedFor(WishDeclaration? currentWish) => StopLifted && currentWish is not null && currentWish.Id == LiftWishId;

    /// <summary>Retention: the handover place narrowed, the witness's name and every free-text note and reason removed; statuses and outcome stay.</summary>
    internal void Anonymise()
    {
        HandoverPlace = Retention.Places.Region(HandoverPlace);
        WitnessName = null;
        foreach (var change in _changes) change.Anonymise();
        foreach (var review in _reviews) review.Anonymise();
    }

    public static IReadOnlyList<RequestStatus> NextSteps(RequestStatus from) => Allowed[from];

    /// <summary>The moves that carry him towards a handover: each re-checks the safeguards. Withdrawing and recording a refusal do not.</summary>
    public static bool IsForward(RequestStatus to) =>
        to is RequestStatus.Submitted or RequestStatus.UnderConsultation or RequestStatus.Accepted or RequestStatus.HandoverScheduled or RequestStatus.Completed;

    /// <summary>
    /// The destination is his country of origin, read from his record as it stands now: his nationality or the Power
    /// on which he depends (GC III Art. 17). Never frozen when the request was drafted.
    /// </summary>
    public bool IsReturnToOrigin(Prisoner prisoner) => ReturnsToOrigin(DestinationStateCode, prisoner.NationalityCode, prisoner.PowerDependedOnCode);

    public static bool ReturnsToOrigin(string destinationStateCode, string? nationalityCode, string? powerDependedOnCode) =>
        destinationStateCode == nationalityCode || destinationStateCode == powerDependedOnCode;

    /// <summary>Moves the request, or says exactly why it may not (every failing condition, one message each).</summary>
    /// <param name="handoverDate">For scheduling: the date planned. For completing: the date it took place.</param>
    /// <param name="handover">For completing: where it took place and who witnessed it.</param>
    /// <remarks>
    /// Every refusal here is a <see cref="RefusalKind.Conflict"/>, the missing note and dates included: the API answers a
    /// refused move 409 with every reason (docs/api.md), and a move is refused as a whole.
    /// </remarks>
    public IReadOnlyList<Refusal> MoveTo(RequestStatus to, GateContext gate, string? note, DateOnly? handoverDate, Actor actor, DateTimeOffset now, HandoverInput? handover = null)
    {
        if (!Allowed[Status].Contains(to)) return [Refusal.Conflict("Request.Move.NotAllowed", InSentence(Status), InSentence(to))];
        var refusals = new List<Refusal>();
        if (to == RequestStatus.Withdrawn && string.IsNullOrWhiteSpace(note)) refusals.Add(Refusal.Conflict("Request.Withdraw.ReasonRequired"));
        if (IsForward(to)) refusals.AddRange(Safeguards(to, gate, handoverDate));
        if (to == RequestStatus.HandoverScheduled)
        {
            if (handoverDate is null) refusals.Add(Refusal.Conflict("Request.Schedule.DateRequired"));
            else if (handoverDate < gate.Today) refusals.Add(Refusal.Conflict("Request.Schedule.DateInPast"));
        }
        if (to == RequestStatus.Completed)
        {
            if (handoverDate is null) refusals.Add(Refusal.Conflict("Request.Handover.DateRequired"));
            else if (handoverDate > gate.Today) refusals.Add(Refusal.Conflict("Request.Handover.DateInFuture"));
            else if (handoverDate < DateOnly.FromDateTime(CreatedAt.UtcDateTime)) refusals.Add(Refusal.Conflict("Request.Handover.BeforeDrafted"));
            if (handover is null || Text.Clean(handover.HandoverPlace) is null || handover.WitnessOrganisation is null || Text.Clean(handover.WitnessName) is null)
            {
                refusals.Add(Refusal.Conflict("Request.Handover.DetailsRequired"));
            }
        }
        if (refusals.Count > 0) return refusals;

        _changes.Add(new RequestStatusChange(Status, to, Text.Clean(note, multiline: true), actor, now));
        Status = to;
        if (to == RequestStatus.HandoverScheduled) HandoverDate = handoverDate;
        if (to == RequestStatus.Completed)
        {
            HandedOverOn = handoverDate;
            HandoverPlace = Text.Clean(handover!.HandoverPlace);
            WitnessOrganisation = handover.WitnessOrganisation;
            WitnessName = Text.Clean(handover.WitnessName);
            HandoverWishId = gate.CurrentWish!.Id;
        }
        if (to is RequestStatus.Withdrawn or RequestStatus.Completed or RequestStatus.Refused) FlaggedForReview = false;
        Version++;
        return [];
    }

    /// <summary>
    /// Every safeguard a forward move must pass, measured now: the freeze while flagged, his custody status, his latest
    /// wish, the non-refoulement stop, GC III Art. 109(3), and for the handover itself the full reconfirmation gate.
    /// </summary>
    public IEnumerable<Refusal> Safeguards(RequestStatus to, GateContext gate, DateOnly? handoverDate)
    {
        if (FlaggedForReview) yield return Refusal.Conflict("Request.Safeguard.Flagged");
        foreach (var refusal in CustodyGate(gate)) yield return refusal;
        var atHandover = to is RequestStatus.HandoverScheduled or RequestStatus.Completed;
        var wishRefusals = atHandover ? ReconfirmationGate(gate, handoverDate ?? gate.Today) : WishGate(gate);
        foreach (var refusal in wishRefusals) yield return refusal;
        foreach (var refusal in NonRefoulementStop(gate)) yield return refusal;
        foreach (var refusal in Article109(gate)) yield return refusal;
    }

    /// <summary>No one is handed over who is not in the detaining power's hands.</summary>
    public static IEnumerable<Refusal> CustodyGate(GateContext gate)
    {
        var refusal = gate.Prisoner.CustodyStatus switch
        {
            CustodyStatus.Escaped => Refusal.Conflict("Request.Safeguard.Custody.Escaped"),
            CustodyStatus.Deceased => Refusal.Conflict("Request.Safeguard.Custody.Deceased"),
            CustodyStatus.Released => Refusal.Conflict("Request.Safeguard.Custody.Released"),
            CustodyStatus.Repatriated => Refusal.Conflict("Request.Safeguard.Custody.Repatriated"),
            CustodyStatus.TransferredToThirdState => Refusal.Conflict("Request.Safeguard.Custody.TransferredToThirdState"),
            _ => null,
        };
        if (refusal is not null) yield return refusal;
    }

    /// <summary>
    /// Before the handover: his latest wish still names this destination. For a return to his country of origin the
    /// non-refoulement stop says this (and only two administrators can lift it), so it is not said twice.
    /// </summary>
    public IEnumerable<Refusal> WishGate(GateContext gate)
    {
        if (IsReturnToOrigin(gate.Prisoner)) yield break;
        if (gate.CurrentWish is null) yield return Refusal.Conflict("Request.Safeguard.NoCurrentWish");
        else if (!NamesThisDestination(gate.CurrentWish, gate.Prisoner)) yield return Refusal.Conflict("Request.Safeguard.NotThisDestination");
    }

    /// <summary>
    /// No handover is scheduled or carried out unless his latest wish names this destination, was taken in a private
    /// interview, is verified, and was taken no more than <see cref="GateContext.ReconfirmationDays"/> days before the handover.
    /// </summary>
    public IEnumerable<Refusal> ReconfirmationGate(GateContext gate, DateOnly handover)
    {
        var wish = gate.CurrentWish;
        if (wish is null)
        {
            yield return Refusal.Conflict("Request.Safeguard.NoCurrentWish");
            yield break;
        }
        if (!NamesThisDestination(wish, gate.Prisoner)) yield return Refusal.Conflict("Request.Safeguard.NotThisDestination");
        if (!wish.PrivateInterview) yield return Refusal.Conflict("Request.Safeguard.NotPrivate");
        if (wish.Verification == WishVerification.Unverified) yield return Refusal.Conflict("Request.Safeguard.Unverified");
        if (wish.TakenOn < handover.AddDays(-gate.ReconfirmationDays)) yield return Refusal.Conflict("Request.Safeguard.TooOld", gate.ReconfirmationDays);
    }

    /// <summary>
    /// A return to his country of origin (judged from his record now) is stopped while his latest wish refuses it, states
    /// fear, or is undecided, unless two administrators lifted the stop against that very statement.
    /// </summary>
    /// <param name="gate">His record and latest statement now.</param>
    /// <param name="showFear">False for a reader who may not see his statements' sensitive parts (need-to-know): the
    /// reason is then given without saying that he fears persecution.</param>
    public IEnumerable<Refusal> NonRefoulementStop(GateContext gate, bool showFear = true)
    {
        if (!IsReturnToOrigin(gate.Prisoner) || StopLiftedFor(gate.CurrentWish)) yield break;
        var wish = gate.CurrentWish;
        if (wish is null) yield return Refusal.Conflict("Request.Stop.NoCurrentWish");
        else if (wish.Destination == WishDestination.Undecided) yield return Refusal.Conflict("Request.Stop.Undecided");
        else if (wish.Destination != WishDestination.ReturnToOrigin) yield return Refusal.Conflict("Request.Stop.RefusesReturn");
        if (wish is { FearsPersecution: true })
        {
            yield return showFear ? Refusal.Conflict("Request.Stop.FearsPersecution") : Refusal.Conflict("Request.Stop.RestrictedReason");
        }
    }

    /// <summary>GC III Art. 109(3): during hostilities no seriously sick or wounded prisoner is repatriated against his latest wish, whatever else is recorded.</summary>
    public IEnumerable<Refusal> Article109(GateContext gate)
    {
        if (gate.HostilitiesOngoing && IsReturnToOrigin(gate.Prisoner) && gate.Prisoner.HealthStatus == HealthStatus.SeriouslySickOrWounded
            && gate.CurrentWish?.Destination != WishDestination.ReturnToOrigin)
        {
            yield return Refusal.Conflict("Request.Safeguard.Article109");
        }
    }

    /// <summary>
    /// One administrator's sign-off towards lifting the non-refoulement stop, given against his latest statement. Sign-offs
    /// given against an earlier statement no longer count: this one starts the pair again (the earlier ones stay in the audit trail).
    /// </summary>
    /// <remarks>
    /// Each refusal is <see cref="RefusalKind.Invalid"/> and shown with the reason ("Reason"), as the page and the API (400)
    /// have always answered a refused sign-off, those about the request's state included.
    /// </remarks>
    public IReadOnlyList<Refusal> SignOffLift(string? reason, GateContext gate, Actor administrator, DateTimeOffset now)
    {
        if (!IsReturnToOrigin(gate.Prisoner)) return [Refusal.Invalid("Request.Lift.NotAReturn").On(ReasonField)];
        if (gate.CurrentWish is not { } wish) return [Refusal.Invalid("Request.Lift.NoCurrentWish").On(ReasonField)];
        var stale = FirstLiftBy is not null && LiftWishId != wish.Id;
        var first = stale ? null : FirstLiftBy;
        if (!stale && StopLifted) return [Refusal.Invalid("Request.Lift.AlreadyLifted").On(ReasonField)];
        if (administrator.UserId == CreatedBy) return [Refusal.Invalid("Request.Lift.Author").On(ReasonField)];
        if (administrator.UserId == first) return [Refusal.Invalid("Request.Lift.SecondAdministrator").On(ReasonField)];
        var why = Text.Clean(reason, multiline: true);
        if (why is null) return [Refusal.Invalid("Request.Lift.ReasonRequired").On(ReasonField)];
        if (why.Length > Limits.LongText) return [Refusal.Invalid("Common.TooLong", Limits.LongText).On(ReasonField)];
        if (stale) (SecondLiftBy, SecondLiftReason, SecondLiftAt) = (null, null, null);
        if (first is null) (FirstLiftBy, FirstLiftReason, FirstLiftAt) = (administrator.UserId, why, now);
        else (SecondLiftBy, SecondLiftReason, SecondLiftAt) = (administrator.UserId, why, now);
        LiftWishId = wish.Id;
        Version++;
        return [];
    }

    /// <summary>
    /// An administrator's review of a request flagged after a change of wish: continue only when his latest statement
    /// names this destination again; otherwise withdraw it with the reason. Either way the review is kept.
    /// </summary>
    /// <remarks>The reason and the decision are the form's (invalid, next to their fields); the rest is the request's state (conflict).</remarks>
    public IReadOnlyList<Refusal> Review(ReviewDecision decision, string? reason, GateContext gate, Actor administrator, DateTimeOffset now)
    {
        if (!IsOpen) return [Refusal.Conflict("Request.Review.NotOpen", InSentence(Status))];
        if (!FlaggedForReview) return [Refusal.Conflict("Request.Review.NotFlagged")];
        var refusals = new List<Refusal>();
        var why = Text.Clean(reason, multiline: true);
        if (why is null) refusals.Add(Refusal.Invalid("Request.Review.ReasonRequired").On(ReasonField));
        else if (why.Length > Limits.LongText) refusals.Add(Refusal.Invalid("Common.TooLong", Limits.LongText).On(ReasonField));
        if (!Enum.IsDefined(decision)) refusals.Add(Refusal.Invalid("Request.Review.DecisionRequired").On(DecisionField));
        if (decision == ReviewDecision.Continue && (gate.CurrentWish is null || !NamesThisDestination(gate.CurrentWish, gate.Prisoner)))
        {
            refusals.Add(Refusal.Conflict("Request.Review.CannotContinue"));
        }
        if (refusals.Count > 0) return refusals;

        _reviews.Add(new RequestReview(decision, why!, gate.CurrentWish?.Id, administrator, now));
        FlaggedForReview = false;
        if (decision == ReviewDecision.Withdraw)
        {
            _changes.Add(new RequestStatusChange(Status, RequestStatus.Withdrawn, why, administrator, now));
            Status = RequestStatus.Withdrawn;
        }
        Version++;
        return [];
    }

    /// <summary>
    /// After his wish statements change (a new one, or one withdrawn). Every open request takes a new version, so that a
    /// move decided on his wishes as they were fails on the concurrency token; one on its way that no longer matches his
    /// latest wish is flagged for review (a draft is not on its way: the gates stop it when it is submitted).
    /// </summary>
    internal void ReviewAgainst(WishDeclaration? currentWish, Prisoner prisoner)
    {
        if (!IsOpen) return;
        Version++;
        if (Status == RequestStatus.Draft || FlaggedForReview) return;
        if (currentWish is not null && NamesThisDestination(currentWish, prisoner)) return;
        FlaggedForReview = true;
        FlagReason = FlagReasonFor(withdrawn: currentWish is null, reached: Status).Key;
    }

    /// <summary>
    /// Why it was (last) flagged, to be put in words: <see cref="FlagReason"/> stores the message's key, whole sentences that
    /// name the status reached then. A reason stored before reasons were keys is its own English sentence and shows as it is.
    /// </summary>
    public Message? FlagMessage => FlagReason is { } key ? new Message(key) : null;

    /// <summary>A merge moves the duplicate record's requests to the surviving record.</summary>
    internal void MoveTo(int prisonerId) => PrisonerId = prisonerId;

    public bool NamesThisDestination(WishDeclaration wish, Prisoner prisoner) => wish.Destination switch
    {
        WishDestination.ReturnToOrigin => IsReturnToOrigin(prisoner),
        WishDestination.RemainInDetainingState => DestinationStateCode == prisoner.DetainingPowerCode,
        WishDestination.TransferToThirdState => wish.DestinationStateCode == DestinationStateCode && !IsReturnToOrigin(prisoner),
        _ => false,
    };

    private const string ReasonField = "Reason";
    private const string DecisionField = "Decision";

    /// <summary>
    /// The reason a request on its way is flagged, as a stored key without arguments, so that it keeps saying the status it
    /// had reached when flagged, whatever happens to the request afterwards.
    /// </summary>
    private static Message FlagReasonFor(bool withdrawn, RequestStatus reached) => (withdrawn, reached) switch
    {
        (false, RequestStatus.Submitted) => new Message("Request.Flagged.WishChanged.Submitted"),
        (false, RequestStatus.UnderConsultation) => new Message("Request.Flagged.WishChanged.UnderConsultation"),
        (false, RequestStatus.Accepted) => new Message("Request.Flagged.WishChanged.Accepted"),
        (false, RequestStatus.HandoverScheduled) => new Message("Request.Flagged.WishChanged.HandoverScheduled"),
        (true, RequestStatus.Submitted) => new Message("Request.Flagged.WishesWithdrawn.Submitted"),
        (true, RequestStatus.UnderConsultation) => new Message("Request.Flagged.WishesWithdrawn.UnderConsultation"),
        (true, RequestStatus.Accepted) => new Message("Request.Flagged.WishesWithdrawn.Accepted"),
        (true, RequestStatus.HandoverScheduled) => new Message("Request.Flagged.WishesWithdrawn.HandoverScheduled"),
        _ => throw new InvalidOperationException($"A request that is {reached} is not on its way: it is never flagged."),
    };

    /// <summary>
    /// A status inside a sentence ("A request that is {0} cannot become {1}."), not the capitalised label of a list. A value
    /// that is no status (a forged form) is said as its number.
    /// </summary>
    private static object InSentence(RequestStatus status) => status switch
    {
        RequestStatus.Draft => new Message("RequestStatus.InSentence.Draft"),
        RequestStatus.Submitted => new Message("RequestStatus.InSentence.Submitted"),
        RequestStatus.UnderConsultation => new Message("RequestStatus.InSentence.UnderConsultation"),
        RequestStatus.Accepted => new Message("RequestStatus.InSentence.Accepted"),
        RequestStatus.Refused => new Message("RequestStatus.InSentence.Refused"),
        RequestStatus.HandoverScheduled => new Message("RequestStatus.InSentence.HandoverScheduled"),
        RequestStatus.Completed => new Message("RequestStatus.InSentence.Completed"),
        RequestStatus.Withdrawn => new Message("RequestStatus.InSentence.Withdrawn"),
        _ => ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
