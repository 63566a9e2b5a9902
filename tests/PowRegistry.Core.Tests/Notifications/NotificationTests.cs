using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Notifications;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Requests;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Tests.Notifications;

/// <summary>
/// Notifications to the Central Tracing Agency (GC III Arts. 70, 122). Each test works in a desk of its own and
/// reads as an officer of that desk, so counts and queues hold only its rows. Today is 2025-06-01 (TestServices.Now).
/// </summary>
public sealed class NotificationTests(NotificationTests.Settings app) : IClassFixture<NotificationTests.Settings>
{
    /// <summary>Different deadlines for capture cards and other events, so a test sees which one was used.</summary>
    public sealed class Settings : TestServices
    {
        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton(new NotificationOptions { CaptureCardDays = 7, EventDays = 3 });
    }

    private static readonly DateOnly Today = DateOnly.FromDateTime(TestServices.Now.UtcDateTime);

    private async Task<int> DeskAsync() =>
        (await app.Run<DeskService, ServiceResult<Desk>>(d => d.CreateAsync("Desk " + Guid.NewGuid().ToString("N")[..8], CancellationToken.None))).Value!.Id;

    private async Task<Prisoner> RegisterAsync(int deskId, string? captured)
    {
        var result = await app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(
            new PrisonerInput { FamilyName = "Notified" + Guid.NewGuid().ToString("N")[..6], DateOfCapture = captured, Nationality = "KP", DeskId = deskId, DuplicatesChecked = true },
            TestServices.Officer, CancellationToken.None));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    private async Task<ServiceResult<CustodyEvent>> AddEventAsync(int prisonerId, CustodyEventKind kind, string date) =>
        await app.Run<PrisonerService, ServiceResult<CustodyEvent>>(s => s.AddCustodyEventAsync(prisonerId, new CustodyEventInput { Kind = kind, Date = date }, TestServices.Officer, CancellationToken.None));

    private async Task<T> AsOfficerOf<T>(int deskId, Func<NotificationService, Task<T>> action)
    {
        await using var scope = app.ScopeAs("officer-" + deskId, deskIds: deskId);
        return await action(scope.ServiceProvider.GetRequiredService<NotificationService>());
    }

    private async Task<List<Notification>> StoredAsync(int prisonerId) =>
        await app.Run<PowRegistryDbContext, List<Notification>>(db => db.Notifications.AsNoTracking().Where(n => n.PrisonerId == prisonerId).OrderBy(n => n.Id).ToListAsync());

    /// <summary>
    /// What a database from before this feature holds: the capture event, no notification row; and the review's
    /// counts as the migration that brings them builds them from such rows.
    /// </summary>
    private async Task SimulateLegacyAsync(System.Linq.Expressions.Expression<Func<Notification, bool>> which)
    {
        await app.Run<PowRegistryDbContext, int>(db => db.Notifications.Where(which).ExecuteDeleteAsync());
        await app.Run<PowRegistryDbContext, int>(db => db.Database.ExecuteSqlRawAsync(db.Database.RebuildTalliesSql()));
        await using var scope = app.Scope();
        scope.ServiceProvider.GetRequiredService<LegacyCaptureCards>().Recheck();
    }

    [Fact]
    public async Task RegisteringWithADateOfCapture_OwesACaptureCard_DueAWeekLater_LinkedToTheCaptureEvent()
    {
        var prisoner = await RegisterAsync(await DeskAsync(), "2025-05-20");

        var card = Assert.Single(await StoredAsync(prisoner.Id));
        Assert.Equal(NotificationKind.CaptureCard, card.Kind);
        Assert.Equal(new DateOnly(2025, 5, 20), card.EventDate);
        Assert.Equal(new DateOnly(2025, 5, 27), card.DueOn);
        Assert.True(card.IsOpen);
        var capture = Assert.Single(prisoner.CustodyEvents);
        Assert.Equal(capture.Id, card.CustodyEventId);
    }

    [Fact]
    public async Task RegisteringWithoutADateOfCapture_OwesNothing()
    {
        var desk = await DeskAsync();
        var prisoner = await RegisterAsync(desk, null);
        Assert.Empty(await StoredAsync(prisoner.Id));
        Assert.Empty(await AsOfficerOf(desk, n => n.QueueAsync(new NotificationQuery(), CancellationToken.None)));
    }

    public static TheoryData<CustodyEventKind, NotificationKind?, int> Deadlines() => new()
    {
        { CustodyEventKind.Transferred, NotificationKind.Transfer, 7 },            // Art. 70: a new card after a transfer
        { CustodyEventKind.Hospitalised, NotificationKind.Hospitalisation, 7 },    // …and after admission to hospital
        { CustodyEventKind.Escaped, NotificationKind.Escape, 3 },                   // Art. 122: the other events
        { CustodyEventKind.Released, NotificationKind.Release, 3 },
        { CustodyEventKind.Repatriated, NotificationKind.Repatriation, 3 },
        { CustodyEventKind.TransferredToThirdState, NotificationKind.TransferToThirdState, 3 },
        { CustodyEventKind.Died, NotificationKind.Death, 3 },
        { CustodyEventKind.Captured, NotificationKind.CaptureCard, 7 },
        { CustodyEventKind.Registered, null, 0 },
        { CustodyEventKind.Discharged, null, 0 },
        { CustodyEventKind.IcrcNotified, null, 0 },
    };

    [Theory]
    [MemberData(nameof(Deadlines))]
    public async Task EachCustodyEvent_OwesItsNotification_WithItsDeadline(CustodyEventKind kind, NotificationKind? expected, int days)
    {
        var prisoner = await RegisterAsync(await DeskAsync(), null);
        var added = await AddEventAsync(prisoner.Id, kind, "2025-05-10");
        Assert.True(added.Succeeded);

        var stored = await StoredAsync(prisoner.Id);
        if (expected is null)
        {
            Assert.Empty(stored);
            return;
        }
        var notification = Assert.Single(stored);
        Assert.Equal(expected, notification.Kind);
        Assert.Equal(new DateOnly(2025, 5, 10).AddDays(days), notification.DueOn);
        Assert.Equal(added.Value!.Id, notification.CustodyEventId);
    }

    [Fact]
    public async Task TheQueue_ListsOpenNotifications_OverdueFirst_AndFilters()
    {
        var desk = await DeskAsync();
        var late = await RegisterAsync(desk, "2025-05-01");        // capture card due 05-08: overdue
        var recent = await RegisterAsync(desk, "2025-05-30");      // capture card due 06-06: not yet
        await AddEventAsync(recent.Id, CustodyEventKind.Hospitalised, "2025-05-31"); // due 06-07

        var queue = await AsOfficerOf(desk, n => n.QueueAsync(new NotificationQuery(), CancellationToken.None));
        Assert.Equal([(late.Id, NotificationKind.CaptureCard, true), (recent.Id, NotificationKind.CaptureCard, false), (recent.Id, NotificationKind.Hospitalisation, false)],
            queue.Select(r => (r.PrisonerId, r.Kind, r.Overdue)));

        var overdue = await AsOfficerOf(desk, n => n.QueueAsync(new NotificationQuery { OverdueOnly = true }, CancellationToken.None));
        Assert.Equal([late.Id], overdue.Select(r => r.PrisonerId));
        var hospital = await AsOfficerOf(desk, n => n.QueueAsync(new NotificationQuery { Kind = NotificationKind.Hospitalisation }, CancellationToken.None));
        Assert.Equal([NotificationKind.Hospitalisation], hospital.Select(r => r.Kind));
        Assert.Equal([late.Id], (await AsOfficerOf(desk, n => n.OverdueAsync(10, CancellationToken.None))).Select(r => r.PrisonerId));
    }

    [Fact]
    public async Task ADueDate_IsNotOverdue_OnTheDayItself()
    {
        var desk = await DeskAsync();
        await RegisterAsync(desk, Today.AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)); // due today
        var row = Assert.Single(await AsOfficerOf(desk, n => n.QueueAsync(new NotificationQuery(), CancellationToken.None)));
        Assert.Equal(Today, row.DueOn);
        Assert.False(row.Overdue);
        Assert.Equal(0, (await AsOfficerOf(desk, n => n.CountsAsync(CancellationToken.None))).OverdueNotifications);
    }

    public static TheoryData<string?, NotificationChannel?, string?, string, string> BadSentInput() => new()
    {
        { null, NotificationChannel.Post, null, "SentOn", "SentInput.SentOn.Invalid" },
        { "01/06/2025", NotificationChannel.Post, null, "SentOn", "SentInput.SentOn.Invalid" },
        { "2025-06-02", NotificationChannel.Post, null, "SentOn", "SentInput.SentOn.Future" },
        { "2025-05-19", NotificationChannel.Post, null, "SentOn", "Notification.SentBeforeEvent" },
        { "2025-05-25", null, null, "Channel", "SentInput.Channel.Required" },
        { "2025-05-25", (NotificationChannel)42, null, "Channel", "SentInput.Channel.Unknown" },
        { "2025-05-25", NotificationChannel.CustodyEvent, null, "Channel", "SentInput.Channel.Unknown" },
        { "2025-05-25", NotificationChannel.Email, new string('x', 201), "Reference", "Common.TooLong" },
    };

    [Theory]
    [MemberData(nameof(BadSentInput))]
    public async Task MarkingSent_RefusesBadInput_WithAMessage_AndStaysOpen(string? date, NotificationChannel? channel, string? reference, string field, string message)
    {
        var desk = await DeskAsync();
        var prisoner = await RegisterAsync(desk, "2025-05-20");
        var card = Assert.Single(await StoredAsync(prisoner.Id));

        var result = await AsOfficerOf(desk, n => n.MarkSentAsync(card.Id, new SentInput { SentOn = date, Channel = channel, Reference = reference }, TestServices.Officer, CancellationToken.None));
        Assert.Contains(result.Errors, e => e.Field == field && e.Message.Key == message);
        Assert.True(Assert.Single(await StoredAsync(prisoner.Id)).IsOpen);
    }

    [Fact]
    public async Task MarkingSent_RecordsDateChannelAndReference_TakesItOffTheQueue_AndOnlyOnce()
    {
        var desk = await DeskAsync();
        var prisoner = await RegisterAsync(desk, "2025-05-20");
        var card = Assert.Single(await StoredAsync(prisoner.Id));

        var sent = await AsOfficerOf(desk, n => n.MarkSentAsync(card.Id, new SentInput { SentOn = "2025-05-26", Channel = NotificationChannel.Email, Reference = " CTA-2025/118 " }, TestServices.OtherOfficer, CancellationToken.None));
        Assert.True(sent.Succeeded);
        var stored = Assert.Single(await StoredAsync(prisoner.Id));
        Assert.Equal((new DateOnly(2025, 5, 26), NotificationChannel.Email, "CTA-2025/118", TestServices.OtherOfficer.UserId),
            (stored.SentOn!.Value, stored.Channel!.Value, stored.SentReference!, stored.SentRecordedBy!));
        Assert.Empty(await AsOfficerOf(desk, n => n.QueueAsync(new NotificationQuery(), CancellationToken.None)));

        var again = await AsOfficerOf(desk, n => n.MarkSentAsync(card.Id, new SentInput { SentOn = "2025-05-27", Channel = NotificationChannel.Post }, TestServices.Officer, CancellationToken.None));
        Assert.Contains(again.Errors, e => e.Kind == RefusalKind.Conflict && e.Message == new Message("Notification.AlreadySentOn", new DateOnly(2025, 5, 26)));
        Assert.Equal(new DateOnly(2025, 5, 26), Assert.Single(await StoredAsync(prisoner.Id)).SentOn);
    }

    [Fact]
    public async Task MarkSent_ByTwoOfficersAtOnce_TheSecondIsRefused_AndTheFirstStands()
    {
        var desk = await DeskAsync();
        var prisoner = await RegisterAsync(desk, "2025-05-20");
        var card = Assert.Single(await StoredAsync(prisoner.Id));
        await using var first = app.ScopeAs("officer-" + desk, deskIds: desk);
        await using var second = app.ScopeAs("officer-" + desk, deskIds: desk);
        // The second officer has the notification open (read, still unsent) when the first one saves.
        Assert.True((await second.ServiceProvider.GetRequiredService<PowRegistryDbContext>().Notifications.SingleAsync(n => n.Id == card.Id)).IsOpen);

        var firstResult = await first.ServiceProvider.GetRequiredService<NotificationService>().MarkSentAsync(card.Id, new SentInput { SentOn = "2025-05-26", Channel = NotificationChannel.Email }, TestServices.OtherOfficer, CancellationToken.None);
        var secondResult = await second.ServiceProvider.GetRequiredService<NotificationService>().MarkSentAsync(card.Id, new SentInput { SentOn = "2025-05-27", Channel = NotificationChannel.Post }, TestServices.Officer, CancellationToken.None);

        Assert.True(firstResult.Succeeded);
        Assert.Contains(secondResult.Errors, e => e.Kind == RefusalKind.Conflict && e.Message.Key == "Notification.AlreadySentBySomeoneElse");
        var stored = Assert.Single(await StoredAsync(prisoner.Id));
        Assert.Equal((new DateOnly(2025, 5, 26), NotificationChannel.Email, TestServices.OtherOfficer.UserId), (stored.SentOn!.Value, stored.Channel!.Value, stored.SentRecordedBy!));
    }

    [Fact]
    public async Task RecordingIcrcNotified_SatisfiesTheOpenCaptureCard_ButNotOtherNotifications()
    {
        var desk = await DeskAsync();
        var prisoner = await RegisterAsync(desk, "2025-05-20");
        await AddEventAsync(prisoner.Id, CustodyEventKind.Hospitalised, "2025-05-22");
        await AddEventAsync(prisoner.Id, CustodyEventKind.IcrcNotified, "2025-05-24");

        var stored = await StoredAsync(prisoner.Id);
        var card = stored.Single(n => n.Kind == NotificationKind.CaptureCard);
        Assert.Equal((new DateOnly(2025, 5, 24), NotificationChannel.CustodyEvent), (card.SentOn!.Value, card.Channel!.Value));
        Assert.True(stored.Single(n => n.Kind == NotificationKind.Hospitalisation).IsOpen);
        Assert.Equal([NotificationKind.Hospitalisation], (await AsOfficerOf(desk, n => n.QueueAsync(new NotificationQuery(), CancellationToken.None))).Select(r => r.Kind));
    }

    [Fact]
    public async Task RecordingIcrcNotified_DatedBeforeTheCapture_LeavesTheCaptureCardOpen()
    {
        var desk = await DeskAsync();
        var prisoner = await RegisterAsync(desk, "2025-05-20");
        Assert.True((await AddEventAsync(prisoner.Id, CustodyEventKind.IcrcNotified, "2025-05-15")).Succeeded);

        Assert.True(Assert.Single(await StoredAsync(prisoner.Id), n => n.Kind == NotificationKind.CaptureCard).IsOpen);
        Assert.Equal([NotificationKind.CaptureCard], (await AsOfficerOf(desk, n => n.QueueAsync(new NotificationQuery(), CancellationToken.None))).Select(r => r.Kind));
    }

    [Fact]
    public async Task ARecordFromBeforeNotifications_OwesItsCaptureCard_Derived_UntilMarkedSent()
    {
        var desk = await DeskAsync();
        var prisoner = await RegisterAsync(desk, "2025-05-02");
        await SimulateLegacyAsync(n => n.PrisonerId == prisoner.Id);

        var row = Assert.Single(await AsOfficerOf(desk, n => n.QueueAsync(new NotificationQuery { OverdueOnly = true }, CancellationToken.None)));
        Assert.Equal((null, NotificationKind.CaptureCard, new DateOnly(2025, 5, 9), true), (row.Id, row.Kind, row.DueOn, row.Overdue));
        var counts = await AsOfficerOf(desk, n => n.CountsAsync(CancellationToken.None));
        Assert.Equal((1, 1, 0), (counts.OverdueNotifications, counts.OverdueCaptureCards, counts.CaptureCardsSentLate));

        var refused = await AsOfficerOf(desk, n => n.MarkCaptureCardSentAsync(prisoner.Id, new SentInput { SentOn = "2025-05-12" }, TestServices.Officer, CancellationToken.None));
        Assert.Contains(refused.Errors, e => e.Message.Key == "SentInput.Channel.Required");
        var sent = await AsOfficerOf(desk, n => n.MarkCaptureCardSentAsync(prisoner.Id, new SentInput { SentOn = "2025-05-12", Channel = NotificationChannel.Post }, TestServices.Officer, CancellationToken.None));
        Assert.True(sent.Succeeded, string.Join("; ", sent.Errors.Select(e => e.Message)));
        var stored = Assert.Single(await StoredAsync(prisoner.Id));
        Assert.Equal((NotificationKind.CaptureCard, new DateOnly(2025, 5, 9), new DateOnly(2025, 5, 12)), (stored.Kind, stored.DueOn, stored.SentOn!.Value));
        Assert.Empty(await AsOfficerOf(desk, n => n.QueueAsync(new NotificationQuery(), CancellationToken.None)));
        counts = await AsOfficerOf(desk, n => n.CountsAsync(CancellationToken.None));
        Assert.Equal((0, 0, 1), (counts.OverdueNotifications, counts.OverdueCaptureCards, counts.CaptureCardsSentLate)); // sent three days late
    }

    [Fact]
    public async Task ARecordFromBeforeNotifications_WithIcrcNotifiedOnItsTimeline_OwesNothing_AndCountsLateWhenItWasLate()
    {
        var desk = await DeskAsync();
        var onTime = await RegisterAsync(desk, "2025-05-02");
        var late = await RegisterAsync(desk, "2025-05-02");
        await SimulateLegacyAsync(n => n.PrisonerId == onTime.Id || n.PrisonerId == late.Id);
        await AddEventAsync(onTime.Id, CustodyEventKind.IcrcNotified, "2025-05-09");
        await AddEventAsync(late.Id, CustodyEventKind.IcrcNotified, "2025-05-10");

        Assert.Empty(await AsOfficerOf(desk, n => n.QueueAsync(new NotificationQuery(), CancellationToken.None)));
        var counts = await AsOfficerOf(desk, n => n.CountsAsync(CancellationToken.None));
        Assert.Equal((0, 0, 1), (counts.OverdueNotifications, counts.OverdueCaptureCards, counts.CaptureCardsSentLate));
    }

    [Fact]
    public async Task Counts_OverdueNotifications_OverdueCaptureCards_AndCaptureCardsSentLate()
    {
        var desk = await DeskAsync();
        var overdueCard = await RegisterAsync(desk, "2025-05-01");                   // open, due 05-08
        var sentLate = await RegisterAsync(desk, "2025-05-01");                      // sent 05-10, due 05-08
        var sentInTime = await RegisterAsync(desk, "2025-05-01");                    // sent 05-08
        await AddEventAsync(sentInTime.Id, CustodyEventKind.Escaped, "2025-05-20");   // open, due 05-23: overdue, not a card
        await AsOfficerOf(desk, n => n.MarkSentAsync(StoredAsync(sentLate.Id).Result.Single().Id, new SentInput { SentOn = "2025-05-10", Channel = NotificationChannel.Post }, TestServices.Officer, CancellationToken.None));
        var card = (await StoredAsync(sentInTime.Id)).Single(n => n.Kind == NotificationKind.CaptureCard);
        await AsOfficerOf(desk, n => n.MarkSentAsync(card.Id, new SentInput { SentOn = "2025-05-08", Channel = NotificationChannel.Post }, TestServices.Officer, CancellationToken.None));

        var counts = await AsOfficerOf(desk, n => n.CountsAsync(CancellationToken.None));
        Assert.Equal((2, 1, 1), (counts.OverdueNotifications, counts.OverdueCaptureCards, counts.CaptureCardsSentLate));
        Assert.Equal([overdueCard.Id, sentInTime.Id], (await AsOfficerOf(desk, n => n.OverdueAsync(10, CancellationToken.None))).Select(r => r.PrisonerId));
    }

    [Fact]
    public async Task AnOfficerOfAnotherDesk_NeverSeesCountsOrMarksTheNotifications()
    {
        var desk = await DeskAsync();
        var otherDesk = await DeskAsync();
        var prisoner = await RegisterAsync(desk, "2025-05-01");
        var card = Assert.Single(await StoredAsync(prisoner.Id));
        var legacy = await RegisterAsync(desk, "2025-05-01");
        await SimulateLegacyAsync(n => n.PrisonerId == legacy.Id);

        Assert.Equal(2, (await AsOfficerOf(desk, n => n.QueueAsync(new NotificationQuery(), CancellationToken.None))).Count);
        Assert.Empty(await AsOfficerOf(otherDesk, n => n.QueueAsync(new NotificationQuery(), CancellationToken.None)));
        Assert.Empty(await AsOfficerOf(otherDesk, n => n.OverdueAsync(10, CancellationToken.None)));
        Assert.Equal((0, 0, 0), await AsOfficerOf(otherDesk, async n => (await n.CountsAsync(CancellationToken.None)) is var c ? (c.OverdueNotifications, c.OverdueCaptureCards, c.CaptureCardsSentLate) : default));
        Assert.Null(await AsOfficerOf(otherDesk, n => n.OfPrisonerAsync(prisoner.Id, CancellationToken.None)));
        Assert.Null(await AsOfficerOf(otherDesk, n => n.OpenOneAsync(card.Id, null, CancellationToken.None)));
        Assert.Null(await AsOfficerOf(otherDesk, n => n.OpenOneAsync(null, legacy.Id, CancellationToken.None)));
        var send = new SentInput { SentOn = "2025-05-05", Channel = NotificationChannel.Post };
        Assert.True((await AsOfficerOf(otherDesk, n => n.MarkSentAsync(card.Id, send, TestServices.Officer, CancellationToken.None))).IsNotFound);
        Assert.True((await AsOfficerOf(otherDesk, n => n.MarkCaptureCardSentAsync(legacy.Id, send, TestServices.Officer, CancellationToken.None))).IsNotFound);
        Assert.True(Assert.Single(await StoredAsync(prisoner.Id)).IsOpen);

        // Administrators and auditors see every desk.
        await using var auditor = app.ScopeAs("auditor-1", auditor: true);
        var all = await auditor.ServiceProvider.GetRequiredService<NotificationService>().QueueAsync(new NotificationQuery(), CancellationToken.None);
        Assert.Contains(all, r => r.Id == card.Id);
        Assert.Contains(all, r => r.PrisonerId == legacy.Id && r.Derived);
    }

    [Fact]
    public async Task CompletingARequest_OwesTheTransferToThirdStateNotification_InTheSameSave()
    {
        var desk = await DeskAsync();
        var prisoner = await RegisterAsync(desk, "2025-01-10");
        var wish = (await app.Run<WishService, ServiceResult<WishDeclaration>>(w => w.RecordAsync(prisoner.Id, new WishInput
        {
            TakenOn = "2025-05-20",
            Interviewer = "ICRC delegate",
            Organisation = InterviewerOrganisation.Icrc,
            PrivateInterview = true,
            Destination = WishDestination.TransferToThirdState,
            DestinationState = "KR",
            Certainty = 90,
            Verification = WishVerification.VerifiedByNeutralParty,
        }, TestServices.Officer, CancellationToken.None))).Value!;
        var request = (await app.Run<RequestService, ServiceResult<TransferRequest>>(r => r.CreateAsync(prisoner.Id, new RequestInput { DestinationState = "KR", WishId = wish.Id }, TestServices.Officer, CancellationToken.None))).Value!;
        foreach (var (step, handover) in new (RequestStatus, DateOnly?)[] { (RequestStatus.Submitted, null), (RequestStatus.UnderConsultation, null), (RequestStatus.Accepted, null), (RequestStatus.HandoverScheduled, Today.AddDays(3)) })
        {
            await using var scope = app.ScopeAs("admin-1", administrator: true);
            var moved = await scope.ServiceProvider.GetRequiredService<RequestService>().MoveAsync(request.Id, step, null, handover, new Actor("admin-1"), CancellationToken.None);
            Assert.True(moved.Succeeded, string.Join("; ", moved.Errors.Select(e => e.Message)));
        }
        await using (var scope = app.ScopeAs("admin-1", administrator: true))
        {
            // It took place earlier than planned, today: the custody event and its notification are dated with the handover.
            var completed = await scope.ServiceProvider.GetRequiredService<RequestService>().CompleteAsync(request.Id, new HandoverInput
            {
                HandoverDate = Today,
                HandoverPlace = "Border crossing",
                WitnessOrganisation = InterviewerOrganisation.Icrc,
                WitnessName = "ICRC delegate",
            }, new Actor("admin-1"), CancellationToken.None);
            Assert.True(completed.Succeeded, string.Join("; ", completed.Errors.Select(e => e.Message)));
        }

        var third = (await StoredAsync(prisoner.Id)).Single(n => n.Kind == NotificationKind.TransferToThirdState);
        Assert.Equal((Today, Today.AddDays(3)), (third.EventDate, third.DueOn));
        Assert.NotNull(third.CustodyEventId);
    }

    [Fact]
    public async Task AMerge_MovesTheDuplicatesNotifications_ToTheSurvivor()
    {
        var desk = await DeskAsync();
        var survivor = await RegisterAsync(desk, "2025-05-01");
        var duplicate = await RegisterAsync(desk, null);
        await AddEventAsync(duplicate.Id, CustodyEventKind.Hospitalised, "2025-05-03");
        var moved = Assert.Single(await StoredAsync(duplicate.Id));

        var merged = await app.Run<MergeService, ServiceResult<Prisoner>>(s => s.MergeAsync(survivor.Id, duplicate.Reference, "Same man", TestServices.Officer, CancellationToken.None));
        Assert.True(merged.Succeeded, string.Join("; ", merged.Errors.Select(e => e.Message)));

        Assert.Equal([NotificationKind.CaptureCard, NotificationKind.Hospitalisation], (await StoredAsync(survivor.Id)).Select(n => n.Kind));
        Assert.Contains(await AsOfficerOf(desk, n => n.QueueAsync(new NotificationQuery(), CancellationToken.None)), r => r.Id == moved.Id && r.PrisonerId == survivor.Id);
    }

    [Theory]
    [InlineData(-1, 7)]
    [InlineData(7, 366)]
    public void Settings_OutsideZeroTo365Days_AreRefusedAtStartUp(int captureCardDays, int eventDays)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new NotificationOptions { CaptureCardDays = captureCardDays, EventDays = eventDays }.Validated());
        Assert.Contains("PowRegistry:Notifications", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, new NotificationOptions { CaptureCardDays = 0, EventDays = 365 }.Validated().CaptureCardDays);
    }

    [Fact]
    public async Task EnteringTheDateOfCaptureLater_OwesTheCaptureCard_Once()
    {
        var desk = await DeskAsync();
        var prisoner = await RegisterAsync(desk, null);
        async Task<ServiceResult<Prisoner>> EditAsync(string? captured, string rank)
        {
            var form = (await app.Run<PrisonerService, PrisonerInput?>(s => s.GetForEditAsync(prisoner.Id, CancellationToken.None)))!;
            form.DateOfCapture = captured;
            form.Rank = rank;
            form.DuplicatesChecked = true;
            return await app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.UpdateAsync(prisoner.Id, form, TestServices.Officer, CancellationToken.None));
        }

        Assert.True((await EditAsync(null, "Private")).Succeeded);
        Assert.Empty(await StoredAsync(prisoner.Id));
        Assert.True((await EditAsync("2025-05-12", "Private")).Succeeded);
        var card = Assert.Single(await StoredAsync(prisoner.Id));
        Assert.Equal((NotificationKind.CaptureCard, new DateOnly(2025, 5, 12), new DateOnly(2025, 5, 19), (int?)null), (card.Kind, card.EventDate, card.DueOn, card.CustodyEventId));
        Assert.True((await EditAsync("2025-05-12", "Corporal")).Succeeded);
        Assert.True((await EditAsync(null, "Corporal")).Succeeded);
        Assert.True((await EditAsync("2025-05-13", "Corporal")).Succeeded);
        Assert.Single(await StoredAsync(prisoner.Id));
    }

    [Fact]
    public async Task OfPrisoner_ListsSentAndOpen_WithTheDerivedCard()
    {
        var desk = await DeskAsync();
        var prisoner = await RegisterAsync(desk, "2025-05-02");
        await SimulateLegacyAsync(n => n.PrisonerId == prisoner.Id);
        await AddEventAsync(prisoner.Id, CustodyEventKind.Transferred, "2025-05-05");

        var list = await AsOfficerOf(desk, n => n.OfPrisonerAsync(prisoner.Id, CancellationToken.None));
        Assert.Equal([(NotificationKind.CaptureCard, true), (NotificationKind.Transfer, false)], list!.Select(n => (n.Kind, n.Id is null)));
        Assert.All(list!, n => Assert.True(n.Overdue));
    }

    [Fact]
    public async Task OfPrisoner_DerivesNoCard_WhenOneIsStoredOrTheIcrcWasNotified()
    {
        var desk = await DeskAsync();
        var stored = await RegisterAsync(desk, "2025-05-02");
        var legacy = await RegisterAsync(desk, "2025-05-02");
        await SimulateLegacyAsync(n => n.PrisonerId == legacy.Id);
        Assert.Equal([(NotificationKind.CaptureCard, false)], (await AsOfficerOf(desk, n => n.OfPrisonerAsync(stored.Id, CancellationToken.None)))!.Select(n => (n.Kind, n.Id is null)));
        Assert.Equal([(NotificationKind.CaptureCard, true)], (await AsOfficerOf(desk, n => n.OfPrisonerAsync(legacy.Id, CancellationToken.None)))!.Select(n => (n.Kind, n.Id is null)));

        // The timeline's "ICRC notified (capture card sent)" stands for the card of a record from before notifications.
        await AddEventAsync(legacy.Id, CustodyEventKind.IcrcNotified, "2025-05-04");
        Assert.Empty((await AsOfficerOf(desk, n => n.OfPrisonerAsync(legacy.Id, CancellationToken.None)))!);
    }
}

/// <summary>Deadlines pass as the clock moves (a class of its own: it moves the shared clock).</summary>
public sealed class NotificationClockTests(TestServices app) : IClassFixture<TestServices>
{
    [Fact]
    public async Task ANotification_BecomesOverdue_TheDayAfterItsDeadline()
    {
        var prisoner = (await app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(
            new PrisonerInput { FamilyName = "Clock", DateOfCapture = "2025-06-01", DeskId = Desk.DefaultDeskId, DuplicatesChecked = true }, TestServices.Officer, CancellationToken.None))).Value!;

        async Task<(int Overdue, bool RowOverdue)> ReadAsync() => await app.Run<NotificationService, (int, bool)>(async n =>
            ((await n.CountsAsync(CancellationToken.None)).OverdueNotifications, (await n.QueueAsync(new NotificationQuery(), CancellationToken.None)).Single(r => r.PrisonerId == prisoner.Id).Overdue));

        Assert.Equal((0, false), await ReadAsync());
        app.Clock.Advance(TimeSpan.FromDays(7)); // 2025-06-08, the due date itself
        Assert.Equal((0, false), await ReadAsync());
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal((1, true), await ReadAsync());
        Assert.Equal(1, (await app.Run<NotificationService, NotificationCounts>(n => n.CountsAsync(CancellationToken.None))).OverdueCaptureCards);
    }
}

/// <summary>The one look across every record for older ones owing a capture card (a class of its own: it needs a register without any).</summary>
public sealed class LegacyCaptureCardTests(TestServices app) : IClassFixture<TestServices>
{
    private async Task<Prisoner> RegisterAsync() =>
        (await app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(
            new PrisonerInput { FamilyName = "Legacy" + Guid.NewGuid().ToString("N")[..6], DateOfCapture = "2025-05-02", DeskId = Desk.DefaultDeskId, DuplicatesChecked = true }, TestServices.Officer, CancellationToken.None))).Value!;

    private Task<int> ForgetCardAsync(int prisonerId) =>
        app.Run<PowRegistryDbContext, int>(db => db.Notifications.Where(n => n.PrisonerId == prisonerId).ExecuteDeleteAsync());

    private Task<ServiceResult<CustodyEvent>> IcrcNotifiedAsync(int prisonerId) =>
        app.Run<PrisonerService, ServiceResult<CustodyEvent>>(s => s.AddCustodyEventAsync(prisonerId, new CustodyEventInput { Kind = CustodyEventKind.IcrcNotified, Date = "2025-05-05" }, TestServices.Officer, CancellationToken.None));

    [Fact]
    public async Task TheLook_StopsOnceNoneOwesACard_AndLooksAgainWhenAsked()
    {
        await using var scope = app.Scope();
        var legacy = scope.ServiceProvider.GetRequiredService<LegacyCaptureCards>();
        var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
        var old = await RegisterAsync();
        await ForgetCardAsync(old.Id);
        Assert.True(await legacy.MayExistAsync(db, CancellationToken.None));

        await IcrcNotifiedAsync(old.Id);
        Assert.False(await legacy.MayExistAsync(db, CancellationToken.None));

        var other = await RegisterAsync();
        await ForgetCardAsync(other.Id); // behind the application's back
        Assert.False(await legacy.MayExistAsync(db, CancellationToken.None)); // the answer is kept…
        Assert.DoesNotContain(await app.Run<NotificationService, IReadOnlyList<NotificationRow>>(n => n.QueueAsync(new NotificationQuery(), CancellationToken.None)), r => r.PrisonerId == other.Id);
        legacy.Recheck();
        Assert.True(await legacy.MayExistAsync(db, CancellationToken.None)); // …until asked to look again
        Assert.Contains(await app.Run<NotificationService, IReadOnlyList<NotificationRow>>(n => n.QueueAsync(new NotificationQuery(), CancellationToken.None)), r => r.PrisonerId == other.Id && r.Derived);
    }
}

/// <summary>The looks for older records scan the whole register: once a start, and once for both questions.</summary>
public sealed class LegacyCaptureCardScanTests(TestServices app) : IClassFixture<TestServices>
{

    [Fact]
    public async Task WhenEveryRecordHasAStoredCard_OneScanAnswersBothLooks_AndTheAnswerIsKept()
    {
        await app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(
            new PrisonerInput { FamilyName = "Stored", DateOfCapture = "2025-05-02", DeskId = Desk.DefaultDeskId, DuplicatesChecked = true }, TestServices.Officer, CancellationToken.None));
        await using var scope = app.Scope();
        var legacy = scope.ServiceProvider.GetRequiredService<LegacyCaptureCards>();
        legacy.Recheck(); // as after a start
        var counter = new CommandCounter();
        await using var db = app.NewDbContext(counter);

        // The order the review's counts ask in.
        Assert.False(await legacy.MayExistAsync(db, CancellationToken.None));
        Assert.False(await legacy.WithoutStoredCardMayExistAsync(db, CancellationToken.None));
        Assert.Single(counter.Commands);

        Assert.False(await legacy.MayExistAsync(db, CancellationToken.None));
        Assert.Single(counter.Commands);
    }
}

/// <summary>The review's look for older records whose card went out late (its own register: it starts with none).</summary>
public sealed class LateLegacyCaptureCardTests(TestServices app) : IClassFixture<TestServices>
{
    [Fact]
    public async Task TheReviewsLookForLateCards_StopsOnceEveryRecordHasAStoredCard_AndLooksAgainWhenAsked()
    {
        var prisoner = (await app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(
            new PrisonerInput { FamilyName = "Late", DateOfCapture = "2025-05-02", DeskId = Desk.DefaultDeskId, DuplicatesChecked = true }, TestServices.Officer, CancellationToken.None))).Value!;
        Task<int> SentLateAsync() => app.Run<NotificationService, int>(async n => (await n.CountsAsync(CancellationToken.None)).CaptureCardsSentLate);
        Assert.Equal(0, await SentLateAsync()); // every record has its stored card: the answer is kept

        await app.Run<PowRegistryDbContext, int>(db => db.Notifications.Where(n => n.PrisonerId == prisoner.Id).ExecuteDeleteAsync()); // behind the application's back
        await app.Run<PrisonerService, ServiceResult<CustodyEvent>>(s => s.AddCustodyEventAsync(prisoner.Id, new CustodyEventInput { Kind = CustodyEventKind.IcrcNotified, Date = "2025-05-20" }, TestServices.Officer, CancellationToken.None));
        Assert.Equal(0, await SentLateAsync()); // not looked at again…

        await using (var scope = app.Scope()) scope.ServiceProvider.GetRequiredService<LegacyCaptureCards>().Recheck();
        Assert.Equal(1, await SentLateAsync()); // …until asked to
    }
}
