using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Requests;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Tests.Requests;

/// <summary>Requests move only along the allowed transitions, and the safeguards stop every forced return.</summary>
public sealed class RequestTests(TestServices app) : IClassFixture<TestServices>
{
    private static readonly Actor Author = TestServices.Officer;

    private async Task<Prisoner> PrisonerAsync(HealthStatus health = HealthStatus.Good) =>
        (await app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(
            new PrisonerInput { FamilyName = "Req" + Guid.NewGuid().ToString("N")[..6], Nationality = "KP", DetainingPower = "UA", HealthStatus = health, DateOfCapture = "2025-01-10", DeskId = Desk.DefaultDeskId, DuplicatesChecked = true },
            Author, CancellationToken.None))).Value!;

    private async Task<WishDeclaration> WishAsync(int prisonerId, WishDestination destination, string? state = null, string on = "2025-05-20",
        bool isPrivate = true, WishVerification verification = WishVerification.VerifiedByNeutralParty, bool fears = false)
    {
        var result = await app.Run<WishService, ServiceResult<WishDeclaration>>(w => w.RecordAsync(prisonerId, new WishInput
        {
            TakenOn = on,
            Interviewer = "ICRC delegate",
            Organisation = InterviewerOrganisation.Icrc,
            PrivateInterview = isPrivate,
            Destination = destination,
            DestinationState = state,
            Certainty = 90,
            Verification = verification,
            FearsPersecution = fears,
        }, Author, CancellationToken.None));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    private async Task<TransferRequest> RequestAsync(int prisonerId, string state, int wishId) =>
        (await app.Run<RequestService, ServiceResult<TransferRequest>>(r => r.CreateAsync(prisonerId, new RequestInput { DestinationState = state, WishId = wishId }, Author, CancellationToken.None))).Value!;

    private async Task<ServiceResult<TransferRequest>> MoveAsync(int id, RequestStatus to, string? note = null, DateOnly? handover = null, string actor = "admin-1")
    {
        await using var scope = app.ScopeAs(actor, administrator: true);
        return await scope.ServiceProvider.GetRequiredService<RequestService>().MoveAsync(id, to, note, handover, new Actor(actor), CancellationToken.None);
    }

    private static readonly DateOnly NextWeek = new(2025, 6, 8);
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestServices.Now.UtcDateTime);

    private async Task<ServiceResult<TransferRequest>> CompleteAsync(int id, DateOnly on, string actor = "admin-1", string place = "Border crossing")
    {
        await using var scope = app.ScopeAs(actor, administrator: true);
        return await scope.ServiceProvider.GetRequiredService<RequestService>().CompleteAsync(id, new HandoverInput
        {
            HandoverDate = on,
            HandoverPlace = place,
            WitnessOrganisation = InterviewerOrganisation.Icrc,
            WitnessName = "ICRC delegate",
        }, new Actor(actor), CancellationToken.None);
    }

    /// <summary>A request for the Republic of Korea carried from draft to accepted.</summary>
    private async Task<(Prisoner Prisoner, TransferRequest Request)> AcceptedForKoreaAsync(string wishOn = "2025-05-20")
    {
        var prisoner = await PrisonerAsync();
        var wish = await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, "KR", on: wishOn);
        var request = await RequestAsync(prisoner.Id, "KR", wish.Id);
        foreach (var step in new[] { RequestStatus.Submitted, RequestStatus.UnderConsultation, RequestStatus.Accepted })
        {
            Assert.True((await MoveAsync(request.Id, step)).Succeeded);
        }
        return (prisoner, request);
    }

    [Fact]
    public async Task TheWholePath_DraftToCompleted_AddsTheCustodyEvent()
    {
        var (prisoner, request) = await AcceptedForKoreaAsync();
        Assert.True((await MoveAsync(request.Id, RequestStatus.HandoverScheduled, handover: NextWeek)).Succeeded);
        Assert.True((await CompleteAsync(request.Id, Today)).Succeeded); // it took place earlier than planned

        var stored = await app.Run<RequestQueries, (TransferRequest Request, Prisoner Prisoner, WishDeclaration? CurrentWish, GateContext Gate)?>(r => r.GetAsync(request.Id, CancellationToken.None));
        Assert.Equal(RequestStatus.Completed, stored!.Value.Request.Status);
        Assert.Equal(6, stored.Value.Request.Changes.Count); // created + five moves, each dated and attributed
        Assert.All(stored.Value.Request.Changes.Skip(1), c => Assert.Equal("admin-1", c.ChangedBy));
        var reloaded = (await app.Run<PrisonerService, Prisoner?>(s => s.GetAsync(prisoner.Id, CancellationToken.None)))!;
        Assert.Equal(CustodyStatus.TransferredToThirdState, reloaded.CustodyStatus);
        Assert.Contains(reloaded.CustodyEvents, e => e.Kind == CustodyEventKind.TransferredToThirdState && e.Place == "Border crossing" && e.Date == Today && e.RequestId == request.Id);
    }

    public static TheoryData<RequestStatus, RequestStatus> Forbidden() => new()
    {
        { RequestStatus.Draft, RequestStatus.Accepted },
        { RequestStatus.Draft, RequestStatus.HandoverScheduled },
        { RequestStatus.Draft, RequestStatus.Completed },
        { RequestStatus.Submitted, RequestStatus.Accepted },
        { RequestStatus.Submitted, RequestStatus.Completed },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task TransitionsNotInTheList_AreRefused(RequestStatus from, RequestStatus to)
    {
        var prisoner = await PrisonerAsync();
        var wish = await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, "KR");
        var request = await RequestAsync(prisoner.Id, "KR", wish.Id);
        if (from == RequestStatus.Submitted) await MoveAsync(request.Id, RequestStatus.Submitted);
        var result = await MoveAsync(request.Id, to, handover: NextWeek);
        Assert.Contains(result.Errors, e => e.Message.Key == "Request.Move.NotAllowed");
    }

    [Fact]
    public async Task TheReceivingState_CanRefuse_AndARefusedRequestIsClosed()
    {
        var prisoner = await PrisonerAsync();
        var wish = await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, "KR");
        var request = await RequestAsync(prisoner.Id, "KR", wish.Id);
        await MoveAsync(request.Id, RequestStatus.Submitted);
        await MoveAsync(request.Id, RequestStatus.UnderConsultation);
        Assert.True((await MoveAsync(request.Id, RequestStatus.Refused, note: "Quota reached")).Succeeded);
        foreach (var next in Enum.GetValues<RequestStatus>())
        {
            Assert.False((await MoveAsync(request.Id, next, note: "x", handover: NextWeek)).Succeeded);
        }
    }

    [Theory]
    [InlineData(RequestStatus.Draft)]
    [InlineData(RequestStatus.Submitted)]
    [InlineData(RequestStatus.UnderConsultation)]
    [InlineData(RequestStatus.Accepted)]
    [InlineData(RequestStatus.HandoverScheduled)]
    public async Task EveryOpenState_CanBeWithdrawn(RequestStatus from)
    {
        var prisoner = await PrisonerAsync();
        var wish = await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, "KR");
        var request = await RequestAsync(prisoner.Id, "KR", wish.Id);
        foreach (var step in new[] { RequestStatus.Submitted, RequestStatus.UnderConsultation, RequestStatus.Accepted, RequestStatus.HandoverScheduled }.TakeWhile(s => s <= from))
        {
            Assert.True((await MoveAsync(request.Id, step, handover: NextWeek)).Succeeded);
        }
        Assert.True((await MoveAsync(request.Id, RequestStatus.Withdrawn, note: "He changed his mind")).Succeeded);
    }

    [Fact]
    public async Task Withdrawal_NeedsAReason_AndEndsTheRequest()
    {
        var (_, request) = await AcceptedForKoreaAsync();
        Assert.Contains((await MoveAsync(request.Id, RequestStatus.Withdrawn)).Errors, e => e.Message.Key == "Request.Withdraw.ReasonRequired");
        Assert.True((await MoveAsync(request.Id, RequestStatus.Withdrawn, note: "He asked to wait")).Succeeded);
        Assert.Contains((await MoveAsync(request.Id, RequestStatus.Submitted)).Errors, e => e.Message.Key == "Request.Move.NotAllowed");
    }

    [Fact]
    public async Task OnlyAnAdministrator_RecordsTheReceivingStatesAnswer()
    {
        var prisoner = await PrisonerAsync();
        var wish = await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, "KR");
        var request = await RequestAsync(prisoner.Id, "KR", wish.Id);
        await MoveAsync(request.Id, RequestStatus.Submitted);
        await MoveAsync(request.Id, RequestStatus.UnderConsultation);
        await using var scope = app.ScopeAs("officer-1", deskIds: Desk.DefaultDeskId);
        var result = await scope.ServiceProvider.GetRequiredService<RequestService>().MoveAsync(request.Id, RequestStatus.Accepted, null, null, Author, CancellationToken.None);
        Assert.Contains(result.Errors, e => e.Message.Key == "Request.Answer.AdministratorOnly");
    }

    // ---- Reconfirmation gate: each condition on its own ----

    public static TheoryData<string, string> GateConditions() => new()
    {
        { "destination", "Request.Safeguard.NotThisDestination" },
        { "private", "Request.Safeguard.NotPrivate" },
        { "verified", "Request.Safeguard.Unverified" },
        { "age", "Request.Safeguard.TooOld" },
    };

    [Theory]
    [MemberData(nameof(GateConditions))]
    public async Task TheReconfirmationGate_RefusesEachFailingCondition(string condition, string message)
    {
        var (prisoner, request) = await AcceptedForKoreaAsync(condition == "age" ? "2025-05-08" : "2025-05-20"); // 31 days before the handover of 2025-06-08
        switch (condition)
        {
            case "destination": await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, "JP", on: "2025-05-30"); break;
            case "private": await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, "KR", on: "2025-05-30", isPrivate: false); break;
            case "verified": await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, "KR", on: "2025-05-30", verification: WishVerification.Unverified); break;
        }
        var refused = await MoveAsync(request.Id, RequestStatus.HandoverScheduled, handover: NextWeek);
        // A new statement for another state also flags the request, which freezes it: that reason is listed too.
        string[] expected = condition == "destination" ? [Frozen, message] : [message];
        Assert.Equal(expected, refused.Errors.Select(e => e.Message.Key));
    }

    private const string Frozen = "Request.Safeguard.Flagged";

    [Fact]
    public async Task TheReconfirmationGate_PassesARecentVerifiedPrivateWishForThisDestination()
    {
        var (_, request) = await AcceptedForKoreaAsync(); // the wish of 2025-05-20 is 12 days old
        Assert.True((await MoveAsync(request.Id, RequestStatus.HandoverScheduled, handover: NextWeek)).Succeeded);
    }

    // ---- Non-refoulement stop ----

    [Theory]
    [InlineData(WishDestination.TransferToThirdState, false, "Request.Stop.RefusesReturn")]
    [InlineData(WishDestination.Undecided, false, "Request.Stop.Undecided")]
    [InlineData(WishDestination.DeclinedToAnswer, false, "Request.Stop.RefusesReturn")]
    [InlineData(WishDestination.ReturnToOrigin, true, "Request.Stop.FearsPersecution")]
    public async Task AReturnToOrigin_CannotBeSubmitted_WhileHisWishRefusesItOrStatesFear(WishDestination wish, bool fears, string message)
    {
        var prisoner = await PrisonerAsync();
        var statement = await WishAsync(prisoner.Id, wish, wish == WishDestination.TransferToThirdState ? "KR" : null, fears: fears);
        var request = await RequestAsync(prisoner.Id, "KP", statement.Id);
        Assert.True(request.IsReturnToOrigin(prisoner));
        var refused = await MoveAsync(request.Id, RequestStatus.Submitted);
        Assert.Contains(refused.Errors, e => e.Message.Key == message);
    }

    [Fact]
    public async Task AReturnHeAsksFor_WithoutFear_MayBeSubmitted()
    {
        var prisoner = await PrisonerAsync();
        var statement = await WishAsync(prisoner.Id, WishDestination.ReturnToOrigin);
        var request = await RequestAsync(prisoner.Id, "KP", statement.Id);
        Assert.True((await MoveAsync(request.Id, RequestStatus.Submitted)).Succeeded);
    }

    [Fact]
    public async Task LiftingTheStop_NeedsTwoDifferentAdministrators_NeitherTheAuthor_EachWithAReason()
    {
        var prisoner = await PrisonerAsync();
        var statement = await WishAsync(prisoner.Id, WishDestination.Undecided);
        var request = await RequestAsync(prisoner.Id, "KP", statement.Id);

        async Task<ServiceResult<TransferRequest>> SignOff(string admin, string? reason)
        {
            await using var scope = app.ScopeAs(admin, administrator: true);
            return await scope.ServiceProvider.GetRequiredService<RequestService>().SignOffLiftAsync(request.Id, reason, new Actor(admin), CancellationToken.None);
        }

        Assert.Contains((await SignOff(Author.UserId, "I wrote it")).Errors, e => e.Message.Key == "Request.Lift.Author");
        Assert.Contains((await SignOff("admin-a", " ")).Errors, e => e.Message.Key == "Request.Lift.ReasonRequired");
        Assert.True((await SignOff("admin-a", "ICRC confirms he asked to go home in private")).Succeeded);
        Assert.Contains((await MoveAsync(request.Id, RequestStatus.Submitted)).Errors, e => e.Message.Key.StartsWith("Request.Stop.", StringComparison.Ordinal));
        Assert.Contains((await SignOff("admin-a", "again")).Errors, e => e.Message.Key == "Request.Lift.SecondAdministrator");
        Assert.True((await SignOff("admin-b", "Reviewed the interview record")).Succeeded);
        Assert.True((await MoveAsync(request.Id, RequestStatus.Submitted)).Succeeded);

        var stored = (await app.Run<RequestQueries, (TransferRequest Request, Prisoner Prisoner, WishDeclaration? CurrentWish, GateContext Gate)?>(r => r.GetAsync(request.Id, CancellationToken.None)))!.Value.Request;
        Assert.Equal(("admin-a", "admin-b"), (stored.FirstLiftBy, stored.SecondLiftBy));
        Assert.Equal("Reviewed the interview record", stored.SecondLiftReason);
    }

    [Fact]
    public async Task AnOfficer_CannotSignOff()
    {
        var prisoner = await PrisonerAsync();
        var statement = await WishAsync(prisoner.Id, WishDestination.Undecided);
        var request = await RequestAsync(prisoner.Id, "KP", statement.Id);
        await using var scope = app.ScopeAs("officer-x", deskIds: Desk.DefaultDeskId);
        var result = await scope.ServiceProvider.GetRequiredService<RequestService>().SignOffLiftAsync(request.Id, "no", new Actor("officer-x"), CancellationToken.None);
        Assert.Contains(result.Errors, e => e.Message.Key == "Request.Lift.AdministratorOnly");
    }

    // ---- GC III Art. 109(3) ----

    [Fact]
    public async Task ASeriouslyWoundedPrisoner_IsNotRepatriatedAgainstHisWish_EvenWithTheStopLifted()
    {
        var prisoner = await PrisonerAsync(HealthStatus.SeriouslySickOrWounded);
        var statement = await WishAsync(prisoner.Id, WishDestination.Undecided);
        var request = await RequestAsync(prisoner.Id, "KP", statement.Id);
        foreach (var admin in new[] { "admin-a", "admin-b" })
        {
            await using var scope = app.ScopeAs(admin, administrator: true);
            await scope.ServiceProvider.GetRequiredService<RequestService>().SignOffLiftAsync(request.Id, "lifted", new Actor(admin), CancellationToken.None);
        }
        var refused = await MoveAsync(request.Id, RequestStatus.Submitted);
        Assert.Equal(["Request.Safeguard.Article109"], refused.Errors.Select(e => e.Message.Key));
    }

    // ---- A change of wish after acceptance ----

    [Fact]
    public async Task AChangeOfWishAfterAcceptance_FlagsTheRequestForReview()
    {
        var (prisoner, request) = await AcceptedForKoreaAsync();
        await WishAsync(prisoner.Id, WishDestination.RemainInDetainingState, on: "2025-05-31");

        var open = await app.Run<RequestQueries, IReadOnlyList<(TransferRequest Request, string Reference, string Name)>>(r => r.OpenAsync(CancellationToken.None));
        var flagged = open.Single(o => o.Request.Id == request.Id).Request;
        Assert.True(flagged.FlaggedForReview);
        Assert.Equal("Request.Flagged.WishChanged.Accepted", flagged.FlagReason);
        Assert.True(open[0].Request.FlaggedForReview); // flagged ones are listed first

        // …and the gate stops the handover until his wish names Korea again.
        Assert.Contains((await MoveAsync(request.Id, RequestStatus.HandoverScheduled, handover: NextWeek)).Errors, e => e.Message.Key == "Request.Safeguard.NotThisDestination");
    }

    [Fact]
    public async Task AWishThatStillNamesTheDestination_DoesNotFlag()
    {
        var (prisoner, request) = await AcceptedForKoreaAsync();
        await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, "KR", on: "2025-05-31");
        var open = await app.Run<RequestQueries, IReadOnlyList<(TransferRequest Request, string Reference, string Name)>>(r => r.OpenAsync(CancellationToken.None));
        Assert.False(open.Single(o => o.Request.Id == request.Id).Request.FlaggedForReview);
    }
}
