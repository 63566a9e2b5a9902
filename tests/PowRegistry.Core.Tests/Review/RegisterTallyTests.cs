using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Notifications;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Review;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Tests.Review;

/// <summary>
/// The review's counts of prisoners (and of capture cards sent late) are kept by the save, not counted on each view
/// (ADR-015). After each way the application changes what they count, they must equal what counting the records gives:
/// per desk, across all desks (the check the operator runs), and as each reader sees them in the review (an
/// administrator, an officer of one desk, of both) against the filtered GROUP BY the review used to run.
/// </summary>
public sealed class RegisterTallyTests(RegisterTallyTests.Data app) : IClassFixture<RegisterTallyTests.Data>
{
    public sealed class Data : TestServices
    {
        public int DeskA { get; private set; }
        public int DeskB { get; private set; }

        protected override async Task SeedAsync()
        {
            DeskA = (await Run<DeskService, ServiceResult<Desk>>(d => d.CreateAsync("Tally desk A", CancellationToken.None))).Value!.Id;
            DeskB = (await Run<DeskService, ServiceResult<Desk>>(d => d.CreateAsync("Tally desk B", CancellationToken.None))).Value!.Id;
        }
    }

    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task<Prisoner> RegisterAsync(int deskId, string? captured = "2025-05-01")
    {
        var result = await app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput
        {
            FamilyName = "Tallied" + Guid.NewGuid().ToString("N")[..6],
            Nationality = "KP",
            DateOfCapture = captured,
            DeskId = deskId,
            DuplicatesChecked = true,
        }, TestServices.Officer, Ct));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    private async Task<WishDeclaration> WishAsync(int prisonerId, WishDestination destination, WishVerification verification, string takenOn = "2025-05-20")
    {
        var result = await app.Run<WishService, ServiceResult<WishDeclaration>>(w => w.RecordAsync(prisonerId, new WishInput
        {
            TakenOn = takenOn,
            Interviewer = "ICRC delegate",
            Organisation = InterviewerOrganisation.Icrc,
            PrivateInterview = true,
            Destination = destination,
            DestinationState = destination == WishDestination.TransferToThirdState ? "KR" : null,
            Certainty = 80,
            Verification = verification,
        }, TestServices.Officer, Ct));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    private async Task CustodyAsync(int prisonerId, CustodyEventKind kind, string date)
    {
        var result = await app.Run<PrisonerService, ServiceResult<CustodyEvent>>(s => s.AddCustodyEventAsync(prisonerId, new CustodyEventInput { Kind = kind, Date = date }, TestServices.Officer, Ct));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    /// <summary>The kept counts equal the records: across all desks, and as the review shows them to each reader.</summary>
    private async Task AssertExactAsync()
    {
        await using (var scope = app.Scope())
        {
            Assert.Empty(await RegisterTallyCheck.VerifyAsync(scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>(), Ct));
        }
        await AssertReaderAsync(app.Scope());
        await AssertReaderAsync(app.ScopeAs("tally-admin", administrator: true));
        await AssertReaderAsync(app.ScopeAs("tally-officer-a", deskIds: app.DeskA));
        await AssertReaderAsync(app.ScopeAs("tally-officer-b", deskIds: app.DeskB));
        await AssertReaderAsync(app.ScopeAs("tally-officer-ab", deskIds: [app.DeskA, app.DeskB]));
        await AssertReaderAsync(app.ScopeAs("tally-nobody"));
    }

    /// <summary>The review's figures against the GROUP BY it ran before the counts were kept, through the same need-to-know filter.</summary>
    private static async Task AssertReaderAsync(AsyncServiceScope scope)
    {
        await using var _ = scope;
        var figures = await scope.ServiceProvider.GetRequiredService<ReviewService>().FiguresAsync(Ct);
        var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();

        var custody = await db.Prisoners.GroupBy(p => p.CustodyStatus).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, Ct);
        var wish = await db.Prisoners.Where(p => p.CurrentWish != null).GroupBy(p => p.CurrentWish!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, Ct);
        var verification = await db.Prisoners.Where(p => p.CurrentWishVerification != null).GroupBy(p => p.CurrentWishVerification!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, Ct);
        var late = await db.Notifications.CountAsync(n => n.Kind == NotificationKind.CaptureCard && n.SentOn != null && n.SentOn > n.DueOn, Ct);
        var today = scope.ServiceProvider.GetRequiredService<NotificationService>().Today;
        var overdue = await db.Notifications.CountAsync(n => n.SentOn == null && n.DueOn < today, Ct);
        var overdueCards = await db.Notifications.CountAsync(n => n.Kind == NotificationKind.CaptureCard && n.SentOn == null && n.DueOn < today, Ct);

        Assert.Equal(Enum.GetValues<CustodyStatus>().Select(v => (v, custody.GetValueOrDefault(v))), figures.PrisonersByCustody.Select(t => (t.Key, t.Count)));
        Assert.Equal(Enum.GetValues<WishDestination>().Select(v => (v, wish.GetValueOrDefault(v))), figures.PrisonersByWish.Select(t => (t.Key, t.Count)));
        Assert.Equal(Enum.GetValues<WishVerification>().Select(v => (v, verification.GetValueOrDefault(v))), figures.PrisonersByVerification.Select(t => (t.Key, t.Count)));
        Assert.Equal(late, figures.Notifications.CaptureCardsSentLate);
        Assert.Equal(overdue, figures.Notifications.OverdueNotifications);
        Assert.Equal(overdueCards, figures.Notifications.OverdueCaptureCards);
    }

    [Fact]
    public async Task Registering_CountsTheNewRecord_OnHisDesk()
    {
        await RegisterAsync(app.DeskA);
        await RegisterAsync(app.DeskB, captured: null); // custody status unknown
        await AssertExactAsync();
    }

    [Fact]
    public async Task CustodyEvents_MoveHimFromOneStatusToAnother()
    {
        var prisoner = await RegisterAsync(app.DeskA);
        await CustodyAsync(prisoner.Id, CustodyEventKind.Hospitalised, "2025-05-10");
        await AssertExactAsync();
        await CustodyAsync(prisoner.Id, CustodyEventKind.Escaped, "2025-05-12");
        await CustodyAsync(prisoner.Id, CustodyEventKind.Hospitalised, "2025-05-11"); // earlier than the latest: the status stays
        await AssertExactAsync();
    }

    [Fact]
    public async Task Wishes_RecordedReplacedAndWithdrawn_MoveTheWishAndVerificationCounts()
    {
        var prisoner = await RegisterAsync(app.DeskB);
        var first = await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, WishVerification.Unverified, "2025-05-10");
        await AssertExactAsync();
        var second = await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, WishVerification.VerifiedByNeutralParty, "2025-05-20"); // same wish, verified now
        await AssertExactAsync();
        var withdrawn = await app.Run<WishService, ServiceResult<WishDeclaration>>(w => w.WithdrawAsync(prisoner.Id, second.Id, "Recorded against the wrong record", TestServices.Officer, Ct));
        Assert.True(withdrawn.Succeeded);
        await AssertExactAsync(); // the first is current again
        withdrawn = await app.Run<WishService, ServiceResult<WishDeclaration>>(w => w.WithdrawAsync(prisoner.Id, first.Id, "Recorded against the wrong record", TestServices.Officer, Ct));
        Assert.True(withdrawn.Succeeded);
        await AssertExactAsync(); // none now: he leaves the wish counts
    }

    [Fact]
    public async Task MovingARecordToAnotherDesk_MovesAllHisCounts()
    {
        var prisoner = await RegisterAsync(app.DeskA);
        await WishAsync(prisoner.Id, WishDestination.RemainInDetainingState, WishVerification.Unverified);
        await using (var scope = app.ScopeAs("tally-admin", administrator: true))
        {
            var service = scope.ServiceProvider.GetRequiredService<PrisonerService>();
            var form = (await service.GetForEditAsync(prisoner.Id, Ct))!;
            form.DeskId = app.DeskB;
            var moved = await service.UpdateAsync(prisoner.Id, form, new Actor("tally-admin"), Ct);
            Assert.True(moved.Succeeded, string.Join("; ", moved.Errors.Select(e => e.Message)));
        }
        await AssertExactAsync();
    }

    [Fact]
    public async Task Merging_TakesTheDuplicateOutOfEveryCount()
    {
        var survivor = await RegisterAsync(app.DeskA);
        var duplicate = await RegisterAsync(app.DeskB);
        await WishAsync(duplicate.Id, WishDestination.Undecided, WishVerification.Unverified);
        await CustodyAsync(duplicate.Id, CustodyEventKind.Hospitalised, "2025-05-15");
        await MarkCaptureCardSentAsync(duplicate.Id, "2025-05-30"); // late: due 2025-05-08

        var merged = await app.Run<MergeService, ServiceResult<Prisoner>>(s => s.MergeAsync(survivor.Id, duplicate.Reference, "Same man", TestServices.Officer, Ct));

        Assert.True(merged.Succeeded, string.Join("; ", merged.Errors.Select(e => e.Message)));
        await AssertExactAsync(); // the survivor now counts as hospitalised, with the wish and the late card; the duplicate not at all
    }

    [Fact]
    public async Task ACaptureCardSentLate_IsCounted_OneSentInTime_IsNot()
    {
        var late = await RegisterAsync(app.DeskA);
        var inTime = await RegisterAsync(app.DeskB);
        await MarkCaptureCardSentAsync(late.Id, "2025-05-20");
        await MarkCaptureCardSentAsync(inTime.Id, "2025-05-03");
        var byEvent = await RegisterAsync(app.DeskB);
        await CustodyAsync(byEvent.Id, CustodyEventKind.IcrcNotified, "2025-05-25"); // marks the open card sent, late
        await AssertExactAsync();
    }

    [Fact]
    public async Task ABatchImport_CountsEveryNewRecord()
    {
        var inputs = Enumerable.Range(0, 5).Select(i => new PrisonerInput
        {
            FamilyName = "Imported" + Guid.NewGuid().ToString("N")[..6],
            Nationality = "RU",
            DateOfCapture = i % 2 == 0 ? "2025-04-01" : null,
            DeskId = i % 2 == 0 ? app.DeskA : app.DeskB,
            DuplicatesChecked = true,
        }).ToList();
        await using (var scope = app.ScopeAs("tally-admin", administrator: true))
        {
            var result = await scope.ServiceProvider.GetRequiredService<BatchRegistrationService>().CreateManyAsync(inputs, new Actor("tally-admin"), Ct);
            Assert.Empty(result.Errors);
        }
        await AssertExactAsync();
    }

    [Fact]
    public async Task DeletingARecordThroughTheDbContext_TakesHimOut()
    {
        var prisoner = await RegisterAsync(app.DeskA); // no wish: a record with wish statements cannot be deleted (restricted)
        await CustodyAsync(prisoner.Id, CustodyEventKind.Hospitalised, "2025-05-10");
        await MarkCaptureCardSentAsync(prisoner.Id, "2025-05-28");
        await AssertExactAsync();

        await using (var scope = app.Scope())
        {
            // No service deletes a record today; the save must still keep the counts if one ever does.
            var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
            db.Prisoners.Remove(await db.Prisoners.SingleAsync(p => p.Id == prisoner.Id, Ct));
            await db.SaveChangesAsync(Ct);
        }
        await AssertExactAsync();
    }

    [Fact]
    public async Task ASaveFromAContextThatReadTheRecordBeforeAnotherChange_StillCountsWhatTheDatabaseHolds()
    {
        var prisoner = await RegisterAsync(app.DeskA);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
        var stale = await db.Prisoners.SingleAsync(p => p.Id == prisoner.Id, Ct); // read before the wish below

        // The current wish changes without the record's version, so this other save does not make the next one fail.
        await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, WishVerification.Unverified);
        stale.MoveToDesk(app.DeskB, TestServices.Officer, TestServices.Now);
        await db.SaveChangesAsync(Ct);

        // Counted from the context's stale values, the wish would stay on desk A, where the record no longer is.
        await AssertExactAsync();
    }

    [Fact]
    public async Task ASaveThatFails_LeavesTheCountsAsTheyWere()
    {
        var prisoner = await RegisterAsync(app.DeskA);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
            var tracked = await db.Prisoners.SingleAsync(p => p.Id == prisoner.Id, Ct);
            tracked.MoveToDesk(app.DeskB, TestServices.Officer, TestServices.Now);
            db.Entry(tracked).Property(p => p.Version).OriginalValue = tracked.Version + 7; // someone else saved first
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Ct));
        }
        await AssertExactAsync();
    }

    [Fact]
    public async Task TheMigrationsBuild_GivesWhatTheSaveKept()
    {
        var prisoner = await RegisterAsync(app.DeskB);
        await CustodyAsync(prisoner.Id, CustodyEventKind.Hospitalised, "2025-05-10"); // an open notification of another kind
        await WishAsync(prisoner.Id, WishDestination.ReturnToOrigin, WishVerification.Unverified);
        await MarkCaptureCardSentAsync((await RegisterAsync(app.DeskA)).Id, "2025-05-31");
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
        var kept = await Rows(db);

        await db.Database.ExecuteSqlRawAsync(db.Database.RebuildTalliesSql(), Ct);

        Assert.Equal(kept, await Rows(db));
        Assert.Contains(kept, r => r.StartsWith($"{app.DeskB}:{TallyDimension.OpenOtherNotifications}:", StringComparison.Ordinal));
        Assert.Contains(kept, r => r.StartsWith($"{app.DeskA}:{TallyDimension.LateCaptureCards}:", StringComparison.Ordinal));

        static async Task<List<string>> Rows(PowRegistryDbContext db) =>
            (await db.RegisterTallies.IgnoreQueryFilters().AsNoTracking().Where(t => t.Count != 0).ToListAsync(Ct))
                .Select(t => $"{t.DeskId}:{t.Dimension}:{t.Value}:{t.Count}").Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task TheCheck_FindsACountThatDrifted()
    {
        await RegisterAsync(app.DeskA);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
        var key = (int)CustodyStatus.InCustody;
        await db.RegisterTallies.Where(t => t.DeskId == app.DeskA && t.Dimension == TallyDimension.Custody && t.Value == key)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Count, t => t.Count + 1), Ct);
        try
        {
            var mismatch = Assert.Single(await RegisterTallyCheck.VerifyAsync(db, Ct));
            Assert.Equal((app.DeskA, TallyDimension.Custody, key), (mismatch.DeskId, mismatch.Dimension, mismatch.Value));
            Assert.Equal(mismatch.Counted + 1, mismatch.Kept);
        }
        finally
        {
            await db.RegisterTallies.Where(t => t.DeskId == app.DeskA && t.Dimension == TallyDimension.Custody && t.Value == key)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Count, t => t.Count - 1), Ct);
        }
    }

    private async Task MarkCaptureCardSentAsync(int prisonerId, string sentOn)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
        var card = await db.Notifications.SingleAsync(n => n.PrisonerId == prisonerId && n.Kind == NotificationKind.CaptureCard, Ct);
        var result = await scope.ServiceProvider.GetRequiredService<NotificationService>()
            .MarkSentAsync(card.Id, new SentInput { SentOn = sentOn, Channel = NotificationChannel.Post }, TestServices.Officer, Ct);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
    }
}
