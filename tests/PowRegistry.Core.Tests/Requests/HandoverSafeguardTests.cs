using System.Globalization;

using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Requests;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Tests.Requests;

/// <summary>
/// Issue 11: nothing irreversible happens against his latest wish. Every forward move re-checks every safeguard at that
/// moment; a flagged request is frozen until an administrator reviews it; a lift answers one statement; return to origin
/// is read from his record as it stands; his custody status can refuse a handover; completing records the handover.
/// Dates are relative to the fake clock, which some tests move forward.
/// </summary>
public sealed class HandoverSafeguardTests(TestServices app) : IClassFixture<TestServices>
{
    private const string Frozen = "Request.Safeguard.Flagged";
    private const string NotThisDestination = "Request.Safeguard.NotThisDestination";
    private static readonly Actor Author = TestServices.Officer;

    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    private string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<Prisoner> PrisonerAsync(string? nationality = "KP", string? power = null)
    {
        var created = await app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput
        {
            FamilyName = "Hand" + Guid.NewGuid().ToString("N")[..6],
            Nationality = nationality,
            PowerDependedOn = power,
            DetainingPower = "UA",
            DateOfCapture = Day(-120),
            DeskId = Desk.DefaultDeskId,
            DuplicatesChecked = true,
        }, Author, CancellationToken.None));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        return created.Value!;
    }

    private async Task<WishDeclaration> WishAsync(int prisonerId, WishDestination destination, string? state = null, int on = -2,
        bool isPrivate = true, WishVerification verification = WishVerification.VerifiedByNeutralParty)
    {
        var result = await app.Run<WishService, ServiceResult<WishDeclaration>>(w => w.RecordAsync(prisonerId, new WishInput
        {
            TakenOn = Day(on),
            Interviewer = "ICRC delegate",
            Organisation = InterviewerOrganisation.Icrc,
            PrivateInterview = isPrivate,
            Destination = destination,
            DestinationState = state,
            Verification = verification,
        }, Author, CancellationToken.None));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    private async Task<TransferRequest> RequestAsync(int prisonerId, string state, int wishId)
    {
        var created = await app.Run<RequestService, ServiceResult<TransferRequest>>(r => r.CreateAsync(prisonerId, new RequestInput { DestinationState = state, WishId = wishId }, Author, CancellationToken.None));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        return created.Value!;
    }

    private async Task<ServiceResult<TransferRequest>> MoveAsync(int id, RequestStatus to, int? handoverIn = null, string? note = null)
    {
        await using var scope = app.ScopeAs("admin-1", administrator: true);
        return await scope.ServiceProvider.GetRequiredService<RequestService>().MoveAsync(id, to, note, handoverIn is { } d ? Today.AddDays(d) : null, new Actor("admin-1"), CancellationToken.None);
    }

    private async Task<ServiceResult<TransferRequest>> CompleteAsync(int id, int on = 0, string? place = "Border crossing point 3", InterviewerOrganisation? organisation = InterviewerOrganisation.Icrc, string? witness = "ICRC delegate")
    {
        await using var scope = app.ScopeAs("officer-1", deskIds: Desk.DefaultDeskId);
        return await scope.ServiceProvider.GetRequiredService<RequestService>().CompleteAsync(id, new HandoverInput
        {
            HandoverDate = Today.AddDays(on),
            HandoverPlace = place,
            WitnessOrganisation = organisation,
            WitnessName = witness,
        }, Author, CancellationToken.None);
    }

    private async Task<ServiceResult<TransferRequest>> ReviewAsync(int id, ReviewDecision decision, string? reason, string admin = "admin-r", bool administrator = true)
    {
        await using var scope = app.ScopeAs(admin, administrator: administrator, deskIds: Desk.DefaultDeskId);
        return await scope.ServiceProvider.GetRequiredService<RequestService>().ReviewAsync(id, decision, reason, new Actor(admin), CancellationToken.None);
    }

    private async Task<ServiceResult<TransferRequest>> SignOffAsync(int id, string admin, string reason = "Reviewed the interview record")
    {
        await using var scope = app.ScopeAs(admin, administrator: true);
        return await scope.ServiceProvider.GetRequiredService<RequestService>().SignOffLiftAsync(id, reason, new Actor(admin), CancellationToken.None);
    }

    private Task<TransferRequest> StoredAsync(int id) =>
        app.Run<RequestQueries, TransferRequest>(async r => (await r.GetAsync(id, CancellationToken.None))!.Value.Request);

    private Task<Prisoner> ReloadAsync(int prisonerId) =>
        app.Run<PrisonerService, Prisoner>(async s => (await s.GetAsync(prisonerId, CancellationToken.None))!);

    private async Task AddEventAsync(int prisonerId, CustodyEventKind kind, int on = -1)
    {
        var added = await app.Run<PrisonerService, ServiceResult<CustodyEvent>>(s => s.AddCustodyEventAsync(prisonerId,
            new CustodyEventInput { Kind = kind, Date = Day(on) }, Author, CancellationToken.None));
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Message)));
    }

    private static readonly RequestStatus[] Path = [RequestStatus.Submitted, RequestStatus.UnderConsultation, RequestStatus.Accepted, RequestStatus.HandoverScheduled];

    /// <summary>A request for the Republic of Korea on a fresh, private, verified statement, carried up to (not including) <paramref name="stopBefore"/>.</summary>
    private async Task<(Prisoner Prisoner, TransferRequest Request)> KoreaUpToAsync(RequestStatus stopBefore, int wishOn = -2, int handoverIn = 5)
    {
        var prisoner = await PrisonerAsync();
        var wish = await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, "KR", on: wishOn);
        var request = await RequestAsync(prisoner.Id, "KR", wish.Id);
        foreach (var step in Path.TakeWhile(s => s < stopBefore))
        {
            var moved = await MoveAsync(request.Id, step, handoverIn: step == RequestStatus.HandoverScheduled ? handoverIn : null);
            Assert.True(moved.Succeeded, string.Join("; ", moved.Errors.Select(e => e.Message)));
        }
        return (prisoner, request);
    }

    private static IEnumerable<string> Messages(ServiceResult<TransferRequest> result) => result.Errors.Select(e => e.Message.Key);

    // ---- The change of mind at the handover itself (the case) ----

    [Fact]
    public async Task Completing_IsRefused_AfterHeStatesHeWantsToRemain_AndHisCustodyIsUnchanged()
    {
        var (prisoner, request) = await KoreaUpToAsync(RequestStatus.Completed, handoverIn: 0);
        await WishAsync(prisoner.Id, WishDestination.RemainInDetainingState, on: 0);

        var refused = await CompleteAsync(request.Id);

        Assert.Equal([Frozen, NotThisDestination], Messages(refused));
        Assert.Equal(RequestStatus.HandoverScheduled, (await StoredAsync(request.Id)).Status);
        var reloaded = await ReloadAsync(prisoner.Id);
        Assert.Equal(CustodyStatus.InCustody, reloaded.CustodyStatus);
        Assert.DoesNotContain(reloaded.CustodyEvents, e => CustodyEvent.IsHandoverKind(e.Kind));
    }

    // ---- Every forward move re-checks every safeguard at that moment ----

    [Theory]
    [InlineData(RequestStatus.Submitted)]
    [InlineData(RequestStatus.UnderConsultation)]
    [InlineData(RequestStatus.Accepted)]
    [InlineData(RequestStatus.HandoverScheduled)]
    [InlineData(RequestStatus.Completed)]
    public async Task EveryForwardMove_RechecksHisRecordAsItIsNow(RequestStatus move)
    {
        var (prisoner, request) = await KoreaUpToAsync(move, handoverIn: 0);
        await AddEventAsync(prisoner.Id, CustodyEventKind.Escaped, on: 0);

        var refused = move == RequestStatus.Completed ? await CompleteAsync(request.Id) : await MoveAsync(request.Id, move, handoverIn: 3);

        Assert.Contains("Request.Safeguard.Custody.Escaped", Messages(refused));
    }

    [Fact]
    public async Task Submitting_IsRefused_WhenHisLatestWishNoLongerNamesTheDestination()
    {
        var (prisoner, request) = await KoreaUpToAsync(RequestStatus.Submitted);
        await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, "JP", on: 0); // a draft is not flagged: the gate stops it

        Assert.Equal([NotThisDestination], Messages(await MoveAsync(request.Id, RequestStatus.Submitted)));
    }

    // ---- Completing: the full reconfirmation gate, against the handover date ----

    [Fact]
    public async Task Completing_IsRefused_WhenHisLatestStatementWasTakenMoreThanReconfirmationDaysBeforeTheHandover()
    {
        // The statement is 29 days older than the planned handover: scheduling passes.
        var (prisoner, request) = await KoreaUpToAsync(RequestStatus.Completed, wishOn: -5, handoverIn: 24);
        app.Clock.Advance(TimeSpan.FromDays(27));

        // It took place two days late: 31 days after his statement.
        var late = await CompleteAsync(request.Id, on: -1);
        Assert.Equal(["Request.Safeguard.TooOld"], Messages(late));
        Assert.Equal(new object?[] { 30 }, late.Errors.Single().Message.Args);
        Assert.Equal(CustodyStatus.InCustody, (await ReloadAsync(prisoner.Id)).CustodyStatus);

        // On the planned day it would have rested on a statement 29 days old: measured against the handover, not today.
        Assert.True((await CompleteAsync(request.Id, on: -3)).Succeeded);
    }

    [Theory]
    [InlineData(false, WishVerification.VerifiedByNeutralParty, "Request.Safeguard.NotPrivate")]
    [InlineData(true, WishVerification.Unverified, "Request.Safeguard.Unverified")]
    public async Task Completing_IsRefused_WhenHisLatestStatementForThisDestinationIsNotPrivateOrNotVerified(bool isPrivate, WishVerification verification, string message)
    {
        var (prisoner, request) = await KoreaUpToAsync(RequestStatus.Completed, handoverIn: 0);
        await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, "KR", on: 0, isPrivate: isPrivate, verification: verification);

        Assert.Equal([message], Messages(await CompleteAsync(request.Id)));
    }

    [Fact]
    public async Task Completing_RecordsTheHandover_AndTheCustodyEventDatedWithIt()
    {
        var (prisoner, request) = await KoreaUpToAsync(RequestStatus.Completed, handoverIn: 0);
        var latest = await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, "KR", on: -1);

        Assert.True((await CompleteAsync(request.Id, on: 0, place: "Border crossing point 3", witness: "Delegate Moreau")).Succeeded);

        var stored = await StoredAsync(request.Id);
        Assert.Equal(RequestStatus.Completed, stored.Status);
        Assert.Equal((Today, "Border crossing point 3", InterviewerOrganisation.Icrc, "Delegate Moreau", latest.Id),
            (stored.HandedOverOn!.Value, stored.HandoverPlace, stored.WitnessOrganisation!.Value, stored.WitnessName, stored.HandoverWishId!.Value));
        var reloaded = await ReloadAsync(prisoner.Id);
        Assert.Equal(CustodyStatus.TransferredToThirdState, reloaded.CustodyStatus);
        var handover = Assert.Single(reloaded.CustodyEvents, e => CustodyEvent.IsHandoverKind(e.Kind));
        Assert.Equal((Today, "Border crossing point 3", (int?)request.Id), (handover.Date, handover.Place, handover.RequestId));
    }

    [Fact]
    public async Task Completing_NeedsTheDatePlaceAndWitness_WithAMessageForEachField_AndLimitsTheirLength()
    {
        var (_, request) = await KoreaUpToAsync(RequestStatus.Completed, handoverIn: 0);

        var missing = await CompleteAsync(request.Id, on: 1, place: " ", organisation: null, witness: null);
        Assert.Equal(["HandoverDate", "HandoverPlace", "WitnessName", "WitnessOrganisation"], missing.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Contains("Request.Handover.DateInFuture", Messages(missing));

        var oversized = await CompleteAsync(request.Id, place: new string('x', 5000), organisation: (InterviewerOrganisation)99, witness: new string('y', 300));
        Assert.Equal(["HandoverPlace", "WitnessName", "WitnessOrganisation"], oversized.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));

        // The old path, without the handover's details, is refused too: completing always records the handover.
        Assert.Contains("Request.Handover.PlaceRequired", Messages(await MoveAsync(request.Id, RequestStatus.Completed, handoverIn: 0)));
        Assert.Equal(RequestStatus.HandoverScheduled, (await StoredAsync(request.Id)).Status);
    }

    // ---- A flagged request is frozen until an administrator reviews it ----

    [Theory]
    [InlineData(RequestStatus.Submitted)]
    [InlineData(RequestStatus.UnderConsultation)]
    [InlineData(RequestStatus.Accepted)]
    [InlineData(RequestStatus.HandoverScheduled)]
    public async Task ANewStatementForAnotherDestination_FlagsARequestAtAnyForwardStatus_AndTheNextMoveIsRefused(RequestStatus at)
    {
        var (prisoner, request) = await KoreaUpToAsync(NextAfter(at), handoverIn: 0);
        Assert.Equal(at, (await StoredAsync(request.Id)).Status);
        await WishAsync(prisoner.Id, WishDestination.Undecided, on: 0);
        Assert.True((await StoredAsync(request.Id)).FlaggedForReview);

        var next = NextAfter(at);
        var refused = next == RequestStatus.Completed ? await CompleteAsync(request.Id) : await MoveAsync(request.Id, next, handoverIn: 0);
        Assert.Equal([Frozen, NotThisDestination], Messages(refused));
        Assert.Equal(at, (await StoredAsync(request.Id)).Status);
    }

    private static RequestStatus NextAfter(RequestStatus at) => Path.SkipWhile(s => s != at).Skip(1).DefaultIfEmpty(RequestStatus.Completed).First();

    [Fact]
    public async Task AFlaggedRequest_IsFrozen_EvenWhenHisLatestStatementNamesTheDestinationAgain()
    {
        var (prisoner, request) = await KoreaUpToAsync(RequestStatus.HandoverScheduled);
        await WishAsync(prisoner.Id, WishDestination.RemainInDetainingState, on: -1);
        await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, "KR", on: 0);

        Assert.Equal([Frozen], Messages(await MoveAsync(request.Id, RequestStatus.HandoverScheduled, handoverIn: 5)));
    }

    [Fact]
    public async Task Review_ContinueIsRefused_UnlessHisLatestStatementNamesTheDestinationAgain_ThenItUnfreezes()
    {
        var (prisoner, request) = await KoreaUpToAsync(RequestStatus.HandoverScheduled);
        await WishAsync(prisoner.Id, WishDestination.RemainInDetainingState, on: -1);

        Assert.Equal(["Request.Review.CannotContinue"],
            Messages(await ReviewAsync(request.Id, ReviewDecision.Continue, "He may change his mind again")));
        Assert.True((await StoredAsync(request.Id)).FlaggedForReview);

        var again = await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, "KR", on: 0);
        Assert.True((await ReviewAsync(request.Id, ReviewDecision.Continue, "He confirmed Korea to the ICRC in private")).Succeeded);

        var stored = await StoredAsync(request.Id);
        Assert.False(stored.FlaggedForReview);
        var review = Assert.Single(stored.Reviews);
        Assert.Equal((ReviewDecision.Continue, "He confirmed Korea to the ICRC in private", (int?)again.Id, "admin-r"), (review.Decision, review.Reason, review.WishId, review.ReviewedBy));
        Assert.True((await MoveAsync(request.Id, RequestStatus.HandoverScheduled, handoverIn: 5)).Succeeded);
    }

    [Fact]
    public async Task Review_Withdraw_EndsTheRequestWithTheReason()
    {
        var (prisoner, request) = await KoreaUpToAsync(RequestStatus.Completed);
        await WishAsync(prisoner.Id, WishDestination.RemainInDetainingState, on: 0);

        Assert.True((await ReviewAsync(request.Id, ReviewDecision.Withdraw, "He wants to remain")).Succeeded);

        var stored = await StoredAsync(request.Id);
        Assert.Equal(RequestStatus.Withdrawn, stored.Status);
        Assert.False(stored.FlaggedForReview);
        Assert.Equal("He wants to remain", stored.Changes.OrderBy(c => c.Id).Last().Note);
        Assert.Equal(ReviewDecision.Withdraw, Assert.Single(stored.Reviews).Decision);
    }

    [Fact]
    public async Task Review_IsForAdministratorsOnly_NeedsAReason_AndOnlyOfAFlaggedRequest()
    {
        var (prisoner, request) = await KoreaUpToAsync(RequestStatus.HandoverScheduled);
        Assert.Equal(["Request.Review.NotFlagged"], Messages(await ReviewAsync(request.Id, ReviewDecision.Withdraw, "why")));
        await WishAsync(prisoner.Id, WishDestination.Undecided, on: 0);

        Assert.Equal(["Request.Review.AdministratorOnly"], Messages(await ReviewAsync(request.Id, ReviewDecision.Withdraw, "why", "officer-1", administrator: false)));
        var noReason = await ReviewAsync(request.Id, ReviewDecision.Withdraw, "  ");
        Assert.Equal(("Reason", "Request.Review.ReasonRequired"), (noReason.Errors.Single().Field, noReason.Errors.Single().Message.Key));
        Assert.Equal("Reason", (await ReviewAsync(request.Id, ReviewDecision.Withdraw, new string('r', 4001))).Errors.Single().Field);
        Assert.Empty((await StoredAsync(request.Id)).Reviews);
    }

    [Fact]
    public async Task WithdrawingTheStatementItRestsOn_FlagsTheRequest_ForAWithdrawnStatementIsNotHisLatestWish()
    {
        var prisoner = await PrisonerAsync();
        await WishAsync(prisoner.Id, WishDestination.RemainInDetainingState, on: -10);
        var korea = await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, "KR", on: -2);
        var request = await RequestAsync(prisoner.Id, "KR", korea.Id);
        Assert.True((await MoveAsync(request.Id, RequestStatus.Submitted)).Succeeded);

        await app.Run<WishService, ServiceResult<WishDeclaration>>(w => w.WithdrawAsync(prisoner.Id, korea.Id, "Entered on the wrong record", Author, CancellationToken.None));

        Assert.True((await StoredAsync(request.Id)).FlaggedForReview);
        Assert.Equal([Frozen, NotThisDestination], Messages(await MoveAsync(request.Id, RequestStatus.UnderConsultation)));
    }

    // ---- A lift belongs to the statement it was given against ----

    [Fact]
    public async Task ANewStatementAfterTheLift_PutsTheStopBackInForce_UntilTwoAdministratorsSignOffAgain()
    {
        var prisoner = await PrisonerAsync();
        var undecided = await WishAsync(prisoner.Id, WishDestination.Undecided, on: -3);
        var request = await RequestAsync(prisoner.Id, "KP", undecided.Id);
        Assert.True((await SignOffAsync(request.Id, "admin-a")).Succeeded);
        Assert.True((await SignOffAsync(request.Id, "admin-b")).Succeeded);
        Assert.Equal(undecided.Id, (await StoredAsync(request.Id)).LiftWishId);

        await WishAsync(prisoner.Id, WishDestination.Undecided, on: 0); // the same words, but a new statement
        Assert.Equal(["Request.Stop.Undecided"], Messages(await MoveAsync(request.Id, RequestStatus.Submitted)));

        Assert.Contains("Request.Lift.Author", Messages(await SignOffAsync(request.Id, Author.UserId)));
        Assert.True((await SignOffAsync(request.Id, "admin-a")).Succeeded);
        Assert.Contains("Request.Stop.Undecided", Messages(await MoveAsync(request.Id, RequestStatus.Submitted)));
        Assert.Contains("Request.Lift.SecondAdministrator", Messages(await SignOffAsync(request.Id, "admin-a")));
        Assert.True((await SignOffAsync(request.Id, "admin-c")).Succeeded);
        Assert.True((await MoveAsync(request.Id, RequestStatus.Submitted)).Succeeded);
    }

    [Fact]
    public async Task ASignOffGivenAgainstAnEarlierStatement_DoesNotCountTowardsTheLift()
    {
        var prisoner = await PrisonerAsync();
        var first = await WishAsync(prisoner.Id, WishDestination.Undecided, on: -3);
        var request = await RequestAsync(prisoner.Id, "KP", first.Id);
        Assert.True((await SignOffAsync(request.Id, "admin-a")).Succeeded);
        var second = await WishAsync(prisoner.Id, WishDestination.Undecided, on: 0);

        Assert.True((await SignOffAsync(request.Id, "admin-b")).Succeeded);
        var stored = await StoredAsync(request.Id);
        Assert.Equal(("admin-b", (string?)null, (int?)second.Id), (stored.FirstLiftBy, stored.SecondLiftBy, stored.LiftWishId));
        Assert.Contains("Request.Stop.Undecided", Messages(await MoveAsync(request.Id, RequestStatus.Submitted)));
    }

    // ---- Return to origin: judged from his record as it stands at each move ----

    [Fact]
    public async Task ANationalityEnteredAfterDrafting_BringsTheStopIntoForce()
    {
        var prisoner = await PrisonerAsync(nationality: null);
        var wish = await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, "KP");
        var request = await RequestAsync(prisoner.Id, "KP", wish.Id);
        Assert.True((await MoveAsync(request.Id, RequestStatus.Submitted)).Succeeded);

        var form = (await app.Run<PrisonerService, PrisonerInput?>(s => s.GetForEditAsync(prisoner.Id, CancellationToken.None)))!;
        form.Nationality = "KP";
        Assert.True((await app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.UpdateAsync(prisoner.Id, form, Author, CancellationToken.None))).Succeeded);

        Assert.Equal(["Request.Stop.RefusesReturn"], Messages(await MoveAsync(request.Id, RequestStatus.UnderConsultation)));
    }

    [Fact]
    public async Task ThePowerHeDependsOn_IsHisOriginToo()
    {
        var prisoner = await PrisonerAsync(nationality: "KP", power: "RU");
        var wish = await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, "RU");
        var request = await RequestAsync(prisoner.Id, "RU", wish.Id);

        Assert.True(request.IsReturnToOrigin(prisoner));
        Assert.Equal(["Request.Stop.RefusesReturn"], Messages(await MoveAsync(request.Id, RequestStatus.Submitted)));
    }

    // ---- His custody status can refuse a handover ----

    [Theory]
    [InlineData(CustodyEventKind.Escaped, "Request.Safeguard.Custody.Escaped")]
    [InlineData(CustodyEventKind.Died, "Request.Safeguard.Custody.Deceased")]
    [InlineData(CustodyEventKind.Released, "Request.Safeguard.Custody.Released")]
    [InlineData(CustodyEventKind.Repatriated, "Request.Safeguard.Custody.Repatriated")]
    [InlineData(CustodyEventKind.TransferredToThirdState, "Request.Safeguard.Custody.TransferredToThirdState")]
    public async Task HisCustodyStatus_RefusesTheHandover(CustodyEventKind kind, string message)
    {
        var (prisoner, request) = await KoreaUpToAsync(RequestStatus.Completed, handoverIn: 0);
        if (CustodyEvent.IsHandoverKind(kind))
        {
            // Entered by hand only while no request is open: his earlier request is withdrawn first.
            Assert.True((await MoveAsync(request.Id, RequestStatus.Withdrawn, note: "Superseded")).Succeeded);
            await AddEventAsync(prisoner.Id, kind, on: 0);
            var wish = await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, "KR", on: 0);
            var next = await RequestAsync(prisoner.Id, "KR", wish.Id);
            Assert.Equal([message], Messages(await MoveAsync(next.Id, RequestStatus.Submitted)));
            return;
        }
        await AddEventAsync(prisoner.Id, kind, on: 0);
        Assert.Equal([message], Messages(await CompleteAsync(request.Id)));
    }

    [Fact]
    public async Task ARepatriationOrTransferEnteredByHand_IsRefusedWhileARequestIsOpen()
    {
        var (prisoner, request) = await KoreaUpToAsync(RequestStatus.Submitted);
        foreach (var kind in new[] { CustodyEventKind.Repatriated, CustodyEventKind.TransferredToThirdState })
        {
            var refused = await app.Run<PrisonerService, ServiceResult<CustodyEvent>>(s => s.AddCustodyEventAsync(prisoner.Id,
                new CustodyEventInput { Kind = kind, Date = Day(0) }, Author, CancellationToken.None));
            Assert.Equal(nameof(CustodyEventInput.Kind), refused.Errors.Single().Field);
        }
        Assert.Equal(CustodyStatus.InCustody, (await ReloadAsync(prisoner.Id)).CustodyStatus);

        Assert.True((await MoveAsync(request.Id, RequestStatus.Withdrawn, note: "Handed over by another authority")).Succeeded);
        await AddEventAsync(prisoner.Id, CustodyEventKind.TransferredToThirdState, on: 0); // a fact from outside the register
        Assert.Null(Assert.Single((await ReloadAsync(prisoner.Id)).CustodyEvents, e => CustodyEvent.IsHandoverKind(e.Kind)).RequestId);
    }
}
