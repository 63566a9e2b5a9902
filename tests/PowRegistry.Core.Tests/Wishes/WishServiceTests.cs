using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Tests.Wishes;

/// <summary>Wish statements are appended, never changed; the current wish is the latest one not withdrawn.</summary>
public sealed class WishServiceTests(TestServices app) : IClassFixture<TestServices>
{
    private async Task<Prisoner> PrisonerAsync(int? deskId = null) =>
        (await app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(
            new PrisonerInput { FamilyName = "Wish" + Guid.NewGuid().ToString("N")[..6], DateOfCapture = "2025-01-10", DeskId = deskId ?? Desk.DefaultDeskId, DuplicatesChecked = true },
            TestServices.Officer, CancellationToken.None))).Value!;

    private static WishInput Statement(WishDestination destination, string on = "2025-03-01", string? state = null, int? certainty = 80,
        WishVerification verification = WishVerification.Unverified, bool isPrivate = true) => new()
        {
            TakenOn = on,
            Interviewer = "J. Delegate",
            Organisation = InterviewerOrganisation.Icrc,
            PrivateInterview = isPrivate,
            Destination = destination,
            DestinationState = state,
            Certainty = certainty,
            Verification = verification,
            Reasons = "Fears punishment at home",
            VerbatimWords = "집에 가면 죽어요",
        };

    private Task<ServiceResult<WishDeclaration>> RecordAsync(int prisonerId, WishInput input) =>
        app.Run<WishService, ServiceResult<WishDeclaration>>(w => w.RecordAsync(prisonerId, input, TestServices.Officer, CancellationToken.None));

    private async Task<IReadOnlyList<WishDeclaration>> TimelineAsync(int prisonerId) =>
        (await app.Run<WishService, IReadOnlyList<WishDeclaration>?>(w => w.TimelineAsync(prisonerId, CancellationToken.None)))!;

    private async Task<Prisoner> ReloadAsync(int id) => (await app.Run<PrisonerService, Prisoner?>(s => s.GetAsync(id, CancellationToken.None)))!;

    [Fact]
    public async Task ANewStatement_NeverChangesAnOldOne_AndBecomesTheCurrentWish()
    {
        var prisoner = await PrisonerAsync();
        var first = (await RecordAsync(prisoner.Id, Statement(WishDestination.Undecided, "2025-02-01", certainty: 50))).Value!;
        var secondResult = await RecordAsync(prisoner.Id, Statement(WishDestination.TransferToThirdState, "2025-03-01", "kr", 80, WishVerification.VerifiedByNeutralParty));
        Assert.True(secondResult.Succeeded, string.Join("; ", secondResult.Errors.Select(e => e.Field + ": " + e.Message)));
        var second = secondResult.Value!;

        var timeline = await TimelineAsync(prisoner.Id);
        Assert.Equal([second.Id, first.Id], timeline.Select(w => w.Id));
        Assert.Equal(WishDestination.Undecided, timeline[1].Destination);
        Assert.Equal(50, timeline[1].Certainty);
        Assert.Equal(second.Id, WishDeclaration.Current(timeline)!.Id);

        var stored = await ReloadAsync(prisoner.Id);
        Assert.Equal(WishDestination.TransferToThirdState, stored.CurrentWish);
        Assert.Equal("KR", stored.CurrentWishStateCode);
        Assert.Equal(WishVerification.VerifiedByNeutralParty, stored.CurrentWishVerification);
    }

    [Fact]
    public async Task AStatementEnteredLate_ButTakenEarlier_IsNotTheCurrentWish()
    {
        var prisoner = await PrisonerAsync();
        await RecordAsync(prisoner.Id, Statement(WishDestination.RemainInDetainingState, "2025-04-01"));
        await RecordAsync(prisoner.Id, Statement(WishDestination.ReturnToOrigin, "2025-02-01"));
        Assert.Equal(WishDestination.RemainInDetainingState, (await ReloadAsync(prisoner.Id)).CurrentWish);
    }

    [Fact]
    public async Task Withdrawing_KeepsTheStatementVisible_AndTheCurrentWishFallsBack()
    {
        var prisoner = await PrisonerAsync();
        await RecordAsync(prisoner.Id, Statement(WishDestination.Undecided, "2025-02-01"));
        var mistaken = (await RecordAsync(prisoner.Id, Statement(WishDestination.ReturnToOrigin, "2025-03-01"))).Value!;

        var noReason = await app.Run<WishService, ServiceResult<WishDeclaration>>(w => w.WithdrawAsync(prisoner.Id, mistaken.Id, "  ", TestServices.Officer, CancellationToken.None));
        Assert.Contains(noReason.Errors, e => e.Field == "Reason");

        var withdrawn = await app.Run<WishService, ServiceResult<WishDeclaration>>(w => w.WithdrawAsync(prisoner.Id, mistaken.Id, "Entered on the wrong record", TestServices.Officer, CancellationToken.None));
        Assert.True(withdrawn.Succeeded);
        var timeline = await TimelineAsync(prisoner.Id);
        Assert.Equal(2, timeline.Count);
        Assert.True(timeline[0].IsWithdrawn);
        Assert.Equal("Entered on the wrong record", timeline[0].WithdrawnReason);
        Assert.Equal(WishDestination.Undecided, (await ReloadAsync(prisoner.Id)).CurrentWish);

        var again = await app.Run<WishService, ServiceResult<WishDeclaration>>(w => w.WithdrawAsync(prisoner.Id, mistaken.Id, "twice", TestServices.Officer, CancellationToken.None));
        Assert.Contains(again.Errors, e => e.Message.Key == "Wish.Withdraw.AlreadyWithdrawn");
    }

    public static TheoryData<string, string> Refusals() => new()
    {
        { "transfer without a state", "WishInput.DestinationState.Required" },
        { "certainty 101", "WishInput.Certainty.Range" },
        { "future date", "WishInput.TakenOn.Future" },
        { "before capture", "WishInput.TakenOn.BeforeCapture" },
        { "no interviewer", "WishInput.Interviewer.Required" },
        { "no destination", "WishInput.Destination.Required" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task EachRule_IsRefusedWithItsMessage_AndNothingIsRecorded(string rule, string message)
    {
        var prisoner = await PrisonerAsync();
        var input = Statement(WishDestination.Undecided);
        switch (rule)
        {
            case "transfer without a state": input.Destination = WishDestination.TransferToThirdState; break;
            case "certainty 101": input.Certainty = 101; break;
            case "future date": input.TakenOn = "2025-06-02"; break; // the clock says 2025-06-01
            case "before capture": input.TakenOn = "2025-01-09"; break;
            case "no interviewer": input.Interviewer = " "; break;
            case "no destination": input.Destination = null; break;
        }
        var result = await RecordAsync(prisoner.Id, input);
        Assert.Contains(result.Errors, e => e.Message.Key == message);
        Assert.Empty(await TimelineAsync(prisoner.Id));
    }

    [Fact]
    public async Task TheRegister_FiltersByCurrentWishDestinationAndVerification()
    {
        var wantsKorea = await PrisonerAsync();
        var undecided = await PrisonerAsync();
        await RecordAsync(wantsKorea.Id, Statement(WishDestination.TransferToThirdState, state: "KR", verification: WishVerification.VerifiedByNeutralParty));
        await RecordAsync(undecided.Id, Statement(WishDestination.Undecided));

        async Task<int[]> List(RegisterQuery q) => (await app.Run<RegisterService, RegisterPage>(s => s.ListAsync(q, CancellationToken.None))).Rows.Select(r => r.Id).ToArray();
        Assert.Contains(wantsKorea.Id, await List(new RegisterQuery { Wish = WishDestination.TransferToThirdState, PageSize = 200 }));
        Assert.DoesNotContain(undecided.Id, await List(new RegisterQuery { Wish = WishDestination.TransferToThirdState, PageSize = 200 }));
        Assert.Contains(wantsKorea.Id, await List(new RegisterQuery { WishState = "kr", PageSize = 200 }));
        Assert.Contains(undecided.Id, await List(new RegisterQuery { Verification = WishVerification.Unverified, PageSize = 200 }));
        Assert.DoesNotContain(undecided.Id, await List(new RegisterQuery { Verification = WishVerification.VerifiedByNeutralParty, PageSize = 200 }));
        var row = (await app.Run<RegisterService, RegisterPage>(s => s.ListAsync(new RegisterQuery { WishState = "KR", PageSize = 200 }, CancellationToken.None))).Rows.First(r => r.Id == wantsKorea.Id);
        Assert.Equal(WishDestination.TransferToThirdState, row.CurrentWish);
        Assert.Equal(80, row.CurrentWishCertainty);
    }

    [Fact]
    public async Task AnotherDesksPrisoner_HasNoWishesForAnOfficer_AndHisWordsAreRestrictedInTheHistory()
    {
        var desk = (await app.Run<DeskService, ServiceResult<Desk>>(d => d.CreateAsync("Wish desk " + Guid.NewGuid().ToString("N")[..4], CancellationToken.None))).Value!;
        var prisoner = await PrisonerAsync(desk.Id);
        await RecordAsync(prisoner.Id, Statement(WishDestination.ReturnToOrigin));

        await using (var officer = app.ScopeAs("officer-elsewhere", deskIds: Desk.DefaultDeskId))
        {
            var service = officer.ServiceProvider.GetRequiredService<WishService>();
            Assert.Null(await service.TimelineAsync(prisoner.Id, CancellationToken.None));
            Assert.True((await service.RecordAsync(prisoner.Id, Statement(WishDestination.Undecided), new Actor("officer-elsewhere"), CancellationToken.None)).IsNotFound);
        }
        await using var auditor = app.ScopeAs("auditor-w", auditor: true);
        var history = (await auditor.ServiceProvider.GetRequiredService<AuditService>().HistoryOfPrisonerAsync(prisoner.Id, 50, CancellationToken.None))!;
        var recorded = history.Single(h => h.EntityType == nameof(WishDeclaration));
        Assert.Contains(recorded.Changes, c => c.Field == nameof(WishDeclaration.VerbatimWords) && c.New == "(restricted)");
        Assert.Contains(recorded.Changes, c => c.Field == nameof(WishDeclaration.Destination) && c.New == nameof(WishDestination.ReturnToOrigin));
    }

    [Fact]
    public async Task AMerge_MovesTheStatements_ToTheSurvivor()
    {
        var survivor = await PrisonerAsync();
        var duplicate = await PrisonerAsync();
        var wish = (await RecordAsync(duplicate.Id, Statement(WishDestination.TransferToThirdState, state: "KR"))).Value!;
        await app.Run<Core.Requests.RequestService, ServiceResult<Core.Requests.TransferRequest>>(r => r.CreateAsync(duplicate.Id, new Core.Requests.RequestInput { DestinationState = "KR", WishId = wish.Id }, TestServices.Officer, CancellationToken.None));
        await app.Run<MergeService, ServiceResult<Prisoner>>(s => s.MergeAsync(survivor.Id, duplicate.Reference, "same man", TestServices.Officer, CancellationToken.None));
        Assert.Single(await TimelineAsync(survivor.Id));
        Assert.Single((await app.Run<Core.Requests.RequestQueries, IReadOnlyList<Core.Requests.TransferRequest>?>(r => r.OfPrisonerAsync(survivor.Id, CancellationToken.None)))!);
        Assert.Equal(WishDestination.TransferToThirdState, (await ReloadAsync(survivor.Id)).CurrentWish);
    }
}
