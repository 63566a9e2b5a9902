using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Core.Data;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Notifications;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Requests;
using PowRegistry.Core.Review;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Tests.Review;

/// <summary>
/// The administrators' review over seeded data whose every count is known: two desks, five prisoners, two requests,
/// five consultations. Read as the system (all desks) and as an officer of each desk (need-to-know).
/// </summary>
public sealed class ReviewTests(ReviewTests.Data app) : IClassFixture<ReviewTests.Data>
{
    public sealed class Data : TestServices
    {
        public int DeskA { get; private set; }
        public int DeskB { get; private set; }
        public int Ukraine { get; private set; }
        public int Icrc { get; private set; }
        public Dictionary<string, int> Consultations { get; } = [];
        public Dictionary<string, int> Requests { get; } = [];

        protected override async Task SeedAsync()
        {
            DeskA = (await Run<DeskService, ServiceResult<Desk>>(d => d.CreateAsync("Seoul HQ", CancellationToken.None))).Value!.Id;
            DeskB = (await Run<DeskService, ServiceResult<Desk>>(d => d.CreateAsync("Kyiv Embassy", CancellationToken.None))).Value!.Id;
            await Run<PowRegistryDbContext, int>(db =>
            {
                db.Users.Add(new AppUser { Id = "officer-a", UserName = "officer-a", DisplayName = "Officer A" });
                db.Users.Add(new AppUser { Id = "officer-b", UserName = "officer-b", DisplayName = "Officer B" });
                db.DeskMembers.Add(new DeskMember(DeskA, "officer-a"));
                db.DeskMembers.Add(new DeskMember(DeskB, "officer-b"));
                return db.SaveChangesAsync();
            });
            Ukraine = (await Run<ConsultationService, ServiceResult<Counterpart>>(c => c.AddCounterpartAsync("Ministry of Foreign Affairs of Ukraine", CounterpartKind.Ministry, "UA", CancellationToken.None))).Value!.Id;
            Icrc = (await Run<ConsultationService, ServiceResult<Counterpart>>(c => c.AddCounterpartAsync("ICRC", CounterpartKind.Icrc, null, CancellationToken.None))).Value!.Id;

            // 2025-06-01: two consultations that then fall quiet; one is finished.
            await ConsultationAsync("old", DeskA, [Ukraine], ConsultationStatus.Held);
            await ConsultationAsync("finished", DeskA, [Icrc], ConsultationStatus.Implemented);
            Clock.Advance(TimeSpan.FromDays(31)); // 2025-07-02

            var p1 = await PrisonerAsync(DeskA, "2025-06-01");
            await PrisonerAsync(DeskA, "2025-06-30");
            var p3 = await PrisonerAsync(DeskA, "2025-06-01");
            await Run<PrisonerService, ServiceResult<CustodyEvent>>(s => s.AddCustodyEventAsync(p3.Id, new CustodyEventInput { Kind = CustodyEventKind.IcrcNotified, Date = "2025-06-05" }, Officer, CancellationToken.None));
            await PrisonerAsync(DeskA, null);
            var p5 = await PrisonerAsync(DeskB, "2025-06-01");

            var w1 = await WishAsync(p1.Id, WishDestination.TransferToThirdState, "KR", WishVerification.VerifiedByNeutralParty);
            Requests["waiting"] = await RequestAsync(p1.Id, w1.Id, RequestStatus.Submitted);
            Clock.Advance(TimeSpan.FromDays(2)); // 2025-07-04: two days after it was created, it goes to the counterpart
            await MoveAsync(Requests["waiting"], RequestStatus.UnderConsultation);
            var w3 = await WishAsync(p3.Id, WishDestination.TransferToThirdState, "KR", WishVerification.VerifiedByNeutralParty);
            Requests["handover"] = await RequestAsync(p3.Id, w3.Id, RequestStatus.Submitted, RequestStatus.UnderConsultation, RequestStatus.Accepted, RequestStatus.HandoverScheduled);
            await WishAsync(p3.Id, WishDestination.RemainInDetainingState, null, WishVerification.Unverified); // flags the accepted request
            await WishAsync(p5.Id, WishDestination.Undecided, null, WishVerification.Unverified);

            var c1 = await ConsultationAsync("follow-up A", DeskA, [Ukraine], ConsultationStatus.FollowUpPending);
            await Run<ConsultationService, ServiceResult<ActionItem>>(c => c.AddActionItemAsync(c1, "Send the list", "officer-a", "2025-06-20", Officer, CancellationToken.None));
            await Run<ConsultationService, ServiceResult<ActionItem>>(c => c.AddActionItemAsync(c1, "Not yet due", "officer-a", "2025-08-01", Officer, CancellationToken.None));
            await ConsultationAsync("scheduled", DeskA, [Ukraine, Icrc], ConsultationStatus.Scheduled);
            var c3 = await ConsultationAsync("follow-up B", DeskB, [Icrc], ConsultationStatus.FollowUpPending);
            await Run<ConsultationService, ServiceResult<ActionItem>>(c => c.AddActionItemAsync(c3, "Call Geneva", "officer-b", "2025-07-01", Officer, CancellationToken.None));
            Clock.Advance(TimeSpan.FromDays(3)); // 2025-07-07
        }

        private async Task<int> ConsultationAsync(string key, int deskId, List<int> counterparts, ConsultationStatus status)
        {
            var created = await Run<ConsultationService, ServiceResult<Consultation>>(c => c.CreateAsync(new ConsultationInput
            {
                Title = key,
                Channel = ConsultationChannel.Meeting,
                Date = "2025-06-01",
                CounterpartIds = counterparts,
                DeskId = deskId,
            }, Officer, CancellationToken.None));
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
            await Run<ConsultationService, ServiceResult<Consultation>>(c => c.ChangeStatusAsync(created.Value!.Id, status, Officer, CancellationToken.None));
            return Consultations[key] = created.Value!.Id;
        }

        private async Task<Prisoner> PrisonerAsync(int deskId, string? captured) =>
            (await Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput
            {
                FamilyName = "Reviewed" + Guid.NewGuid().ToString("N")[..6],
                Nationality = "KP",
                DetainingPower = "UA",
                DateOfCapture = captured,
                DeskId = deskId,
                DuplicatesChecked = true,
            }, Officer, CancellationToken.None))).Value!;

        private async Task<WishDeclaration> WishAsync(int prisonerId, WishDestination destination, string? state, WishVerification verification)
        {
            var result = await Run<WishService, ServiceResult<WishDeclaration>>(w => w.RecordAsync(prisonerId, new WishInput
            {
                TakenOn = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Interviewer = "ICRC delegate",
                Organisation = InterviewerOrganisation.Icrc,
                PrivateInterview = true,
                Destination = destination,
                DestinationState = state,
                Certainty = 90,
                Verification = verification,
            }, Officer, CancellationToken.None));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            return result.Value!;
        }

        private async Task<int> RequestAsync(int prisonerId, int wishId, params RequestStatus[] steps)
        {
            var request = (await Run<RequestService, ServiceResult<TransferRequest>>(r => r.CreateAsync(prisonerId, new RequestInput { DestinationState = "KR", WishId = wishId }, Officer, CancellationToken.None))).Value!;
            foreach (var step in steps) await MoveAsync(request.Id, step);
            return request.Id;
        }

        private async Task MoveAsync(int requestId, RequestStatus step)
        {
            var handover = step == RequestStatus.HandoverScheduled ? new DateOnly(2025, 7, 9) : (DateOnly?)null;
            await using var scope = ScopeAs("admin-1", administrator: true);
            var moved = await scope.ServiceProvider.GetRequiredService<RequestService>().MoveAsync(requestId, step, null, handover, new Actor("admin-1"), CancellationToken.None);
            Assert.True(moved.Succeeded, string.Join("; ", moved.Errors.Select(e => e.Message)));
        }
    }

    private async Task<ReviewFigures> FiguresAsync(string? officer = null, int? desk = null)
    {
        await using var scope = officer is null ? app.Scope() : app.ScopeAs(officer, deskIds: desk!.Value);
        return await scope.ServiceProvider.GetRequiredService<ReviewService>().FiguresAsync(CancellationToken.None);
    }

    private static int Count<T>(IReadOnlyList<Tally<T>> tallies, T key) => tallies.Single(t => EqualityComparer<T>.Default.Equals(t.Key, key)).Count;

    [Fact]
    public async Task ConsultationsByStatusAndCounterpart_CountEveryDesk_ForTheSystem()
    {
        var figures = await FiguresAsync();
        Assert.Equal(1, Count(figures.ConsultationsByStatus, ConsultationStatus.Held));
        Assert.Equal(1, Count(figures.ConsultationsByStatus, ConsultationStatus.Implemented));
        Assert.Equal(1, Count(figures.ConsultationsByStatus, ConsultationStatus.Scheduled));
        Assert.Equal(2, Count(figures.ConsultationsByStatus, ConsultationStatus.FollowUpPending));
        Assert.Equal(0, Count(figures.ConsultationsByStatus, ConsultationStatus.Proposed)); // every status is listed, zero included
        Assert.Equal(Enum.GetValues<ConsultationStatus>().Length, figures.ConsultationsByStatus.Count);
        Assert.Equal(3, figures.ConsultationsByCounterpart.Single(c => c.Id == app.Ukraine).Count);
        Assert.Equal(3, figures.ConsultationsByCounterpart.Single(c => c.Id == app.Icrc).Count);
    }

    [Fact]
    public async Task OverdueActionItems_AreThosePastDueAndNotDone_WithDaysOverdue()
    {
        var figures = await FiguresAsync();
        Assert.Equal(["Send the list", "Call Geneva"], figures.OverdueActionItems.Select(i => i.What));
        Assert.Equal(17, figures.OverdueActionItems[0].DaysOverdue); // due 2025-06-20, today 2025-07-07
        Assert.Equal("Officer A", figures.OverdueActionItems[0].Owner);
    }

    [Fact]
    public async Task Stalled_IsUnfinishedAndQuietForTheConfiguredDays_NotFinishedOnes()
    {
        var figures = await FiguresAsync();
        var stalled = Assert.Single(figures.StalledConsultations);
        Assert.Equal(app.Consultations["old"], stalled.Id); // quiet 36 days; "finished" is as quiet but implemented
        Assert.Equal(36, stalled.QuietDays);
        Assert.Equal(30, figures.StalledAfterDays);
    }

    [Fact]
    public async Task Requests_UnderConsultation_Flagged_AndHandoversDue()
    {
        var figures = await FiguresAsync();
        var waiting = Assert.Single(figures.RequestsUnderConsultation);
        Assert.Equal(app.Requests["waiting"], waiting.Id);
        Assert.Equal(3, waiting.DaysWaiting); // since it went under consultation, not since it was created
        Assert.Equal(1, figures.FlaggedRequests);
        Assert.Equal(app.Requests["handover"], Assert.Single(figures.HandoversDue).Id);
    }

    [Fact]
    public async Task Prisoners_ByCustodyWishAndVerification_AndCaptureCardsOverdue()
    {
        var figures = await FiguresAsync();
        Assert.Equal(4, Count(figures.PrisonersByCustody, CustodyStatus.InCustody));
        Assert.Equal(1, Count(figures.PrisonersByCustody, CustodyStatus.Unknown));
        Assert.Equal(1, Count(figures.PrisonersByWish, WishDestination.TransferToThirdState));
        Assert.Equal(1, Count(figures.PrisonersByWish, WishDestination.RemainInDetainingState));
        Assert.Equal(1, Count(figures.PrisonersByWish, WishDestination.Undecided));
        Assert.Equal(1, Count(figures.PrisonersByVerification, WishVerification.VerifiedByNeutralParty));
        Assert.Equal(2, Count(figures.PrisonersByVerification, WishVerification.Unverified));
        // Captured 2025-06-01 without a card: one on each desk. The one whose card was sent, and the one captured a week ago, are not.
        Assert.Equal(2, figures.Notifications.OverdueCaptureCards);
        Assert.Equal(0, figures.Notifications.CaptureCardsSentLate); // the card of the third was sent on day 4
        Assert.Equal(2, figures.Notifications.OverdueNotifications);
    }

    [Fact]
    public async Task AnOfficer_SeesOnlyHisDesksFigures()
    {
        var a = await FiguresAsync("officer-a", app.DeskA);
        Assert.Equal(1, Count(a.ConsultationsByStatus, ConsultationStatus.FollowUpPending));
        Assert.Equal(3, a.ConsultationsByCounterpart.Single(c => c.Id == app.Ukraine).Count);
        Assert.Equal(2, a.ConsultationsByCounterpart.Single(c => c.Id == app.Icrc).Count);
        Assert.Equal(["Send the list"], a.OverdueActionItems.Select(i => i.What));
        Assert.Single(a.StalledConsultations);
        Assert.Single(a.RequestsUnderConsultation);
        Assert.Equal(1, a.Notifications.OverdueCaptureCards);
        Assert.Equal(3, Count(a.PrisonersByCustody, CustodyStatus.InCustody));
        Assert.Equal(0, Count(a.PrisonersByWish, WishDestination.Undecided));

        var b = await FiguresAsync("officer-b", app.DeskB);
        Assert.Equal(1, Count(b.ConsultationsByStatus, ConsultationStatus.FollowUpPending));
        Assert.Equal(0, Count(b.ConsultationsByStatus, ConsultationStatus.Held));
        Assert.DoesNotContain(b.ConsultationsByCounterpart, c => c.Id == app.Ukraine);
        Assert.Equal(["Call Geneva"], b.OverdueActionItems.Select(i => i.What));
        Assert.Empty(b.StalledConsultations);
        Assert.Empty(b.RequestsUnderConsultation);
        Assert.Empty(b.HandoversDue);
        Assert.Equal(0, b.FlaggedRequests);
        Assert.Equal(1, b.Notifications.OverdueCaptureCards);
        Assert.Equal(1, Count(b.PrisonersByCustody, CustodyStatus.InCustody));
        Assert.Equal(1, Count(b.PrisonersByWish, WishDestination.Undecided));
    }

    [Fact]
    public async Task TheReadersOwnActionItems_ComeWithTheFigures_AsTheStartPageListsThem()
    {
        await using var scope = app.ScopeAs("officer-a", deskIds: app.DeskA);
        var figures = await scope.ServiceProvider.GetRequiredService<ReviewService>().FiguresAsync("officer-a", CancellationToken.None);

        Assert.Equal(["Send the list", "Not yet due"], figures.MyActionItems.Select(i => i.What)); // overdue first; not "Call Geneva", officer B's
        Assert.Equal([true, false], figures.MyActionItems.Select(i => i.Overdue));
        var startPage = await scope.ServiceProvider.GetRequiredService<ConsultationService>().ActionItemsOfAsync("officer-a", CancellationToken.None);
        Assert.Equal(startPage, figures.MyActionItems);
        Assert.Equal(["Send the list"], figures.OverdueActionItems.Select(i => i.What)); // the reader's own items that are not due yet stay out of this list
        Assert.Empty((await FiguresAsync()).MyActionItems); // no reader, no items of his own
    }

    /// <summary>
    /// The review is the administrators' home page: each table it shows is read once, however many of its lists draw
    /// on it (at a million records the statements, not the rows, are most of its cost).
    /// </summary>
    [Fact]
    public async Task TheReview_ReadsEachTableOnce()
    {
        var counter = new CommandCounter();
        await using var db = app.NewDbContext(counter);
        await using var scope = app.Scope();
        var notifications = ActivatorUtilities.CreateInstance<NotificationService>(scope.ServiceProvider, db);
        var review = ActivatorUtilities.CreateInstance<ReviewService>(scope.ServiceProvider, db, notifications);
        await review.FiguresAsync("officer-a", CancellationToken.None); // the first after a start may look for older records once (LegacyCaptureCards)
        counter.Commands.Clear();

        var figures = await review.FiguresAsync("officer-a", CancellationToken.None);

        // Every list has something in it, so no statement was skipped for want of rows.
        Assert.NotEmpty(figures.ConsultationsByCounterpart);
        Assert.NotEmpty(figures.StalledConsultations);
        Assert.NotEmpty(figures.OverdueActionItems);
        Assert.NotEmpty(figures.MyActionItems);
        Assert.NotEmpty(figures.RequestsUnderConsultation);
        Assert.NotEmpty(figures.HandoversDue);
        Assert.Equal(1, figures.FlaggedRequests);
        // Consultations; counterparts' names; action items (overdue and the reader's); their owners' names; the three
        // lists of requests; when the waiting ones went under consultation; the register's tallies with the stored
        // part of the notification counts.
        Assert.Equal(7, counter.Commands.Count);
    }

    [Fact]
    public async Task TheFilteredLists_ReturnWhatTheFiguresCount()
    {
        var figures = await FiguresAsync();
        await using var scope = app.Scope();
        var consultations = scope.ServiceProvider.GetRequiredService<ConsultationService>();
        var requests = scope.ServiceProvider.GetRequiredService<RequestQueries>();
        var register = scope.ServiceProvider.GetRequiredService<RegisterService>();
        var ct = CancellationToken.None;

        foreach (var tally in figures.ConsultationsByStatus)
        {
            Assert.Equal(tally.Count, (await consultations.ListAsync(new ConsultationFilter { Status = tally.Key }, ct)).Count);
        }
        foreach (var tally in figures.ConsultationsByCounterpart)
        {
            Assert.Equal(tally.Count, (await consultations.ListAsync(new ConsultationFilter { Counterpart = tally.Id }, ct)).Count);
        }
        Assert.Equal(figures.StalledConsultations.Select(c => c.Id), (await consultations.ListAsync(new ConsultationFilter { Stalled = true }, ct)).Select(c => c.Id));
        Assert.Equal(figures.OverdueActionItems.Select(i => i.ConsultationId).Distinct().Order(), (await consultations.ListAsync(new ConsultationFilter { Overdue = true }, ct)).Select(c => c.Id).Order());
        Assert.Equal(figures.RequestsUnderConsultation.Select(r => r.Id), (await requests.ListAsync(new RequestFilter { Status = RequestStatus.UnderConsultation }, ct)).Select(r => r.Request.Id));
        Assert.Equal(figures.FlaggedRequests, (await requests.ListAsync(new RequestFilter { Flagged = true }, ct)).Count);
        Assert.Equal(figures.HandoversDue.Select(h => h.Id), (await requests.ListAsync(new RequestFilter { HandoverDue = true }, ct)).Select(r => r.Request.Id));
        foreach (var tally in figures.PrisonersByCustody)
        {
            Assert.Equal(tally.Count, (await register.ListAsync(new RegisterQuery { Status = tally.Key, PageSize = 200 }, ct)).Rows.Count);
        }
        foreach (var tally in figures.PrisonersByWish)
        {
            Assert.Equal(tally.Count, (await register.ListAsync(new RegisterQuery { Wish = tally.Key, PageSize = 200 }, ct)).Rows.Count);
        }
        foreach (var tally in figures.PrisonersByVerification)
        {
            Assert.Equal(tally.Count, (await register.ListAsync(new RegisterQuery { Verification = tally.Key, PageSize = 200 }, ct)).Rows.Count);
        }
        var queue = scope.ServiceProvider.GetRequiredService<NotificationService>();
        Assert.Equal(figures.Notifications.OverdueCaptureCards, (await queue.QueueAsync(new NotificationQuery { OverdueOnly = true, Kind = NotificationKind.CaptureCard }, ct)).Count);
        Assert.Equal(figures.Notifications.OverdueNotifications, (await queue.QueueAsync(new NotificationQuery { OverdueOnly = true }, ct)).Count);
    }
}
