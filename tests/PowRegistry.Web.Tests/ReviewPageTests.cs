using System.Globalization;
using System.Net;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Requests;
using PowRegistry.Core.Wishes;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>
/// /Admin/Review over the running app: seeded data with known counts, each figure shown, and each figure's link
/// leading to a list with exactly that many rows.
/// </summary>
public sealed class ReviewPageTests(FakeClockRegistryFactory app) : IClassFixture<FakeClockRegistryFactory>
{
    private static readonly Actor Officer = new("seed-officer");

    private string Day(int offset) => DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task SeedAsync()
    {
        var deskB = (await app.AsSystemAsync<DeskService, ServiceResult<Desk>>(d => d.CreateAsync("Kyiv Embassy", CancellationToken.None))).Value!.Id;
        var ukraine = (await app.AsSystemAsync<ConsultationService, ServiceResult<Counterpart>>(c => c.AddCounterpartAsync("Ministry of Foreign Affairs of Ukraine", CounterpartKind.Ministry, "UA", CancellationToken.None))).Value!.Id;
        var icrc = (await app.AsSystemAsync<ConsultationService, ServiceResult<Counterpart>>(c => c.AddCounterpartAsync("ICRC", CounterpartKind.Icrc, null, CancellationToken.None))).Value!.Id;

        async Task<int> ConsultationAsync(string title, int desk, List<int> counterparts, ConsultationStatus status)
        {
            var created = await app.AsSystemAsync<ConsultationService, ServiceResult<Consultation>>(c => c.CreateAsync(new ConsultationInput
            {
                Title = title,
                Channel = ConsultationChannel.Meeting,
                Date = Day(0),
                CounterpartIds = counterparts,
                DeskId = desk,
            }, Officer, CancellationToken.None));
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
            await app.AsSystemAsync<ConsultationService, ServiceResult<Consultation>>(c => c.ChangeStatusAsync(created.Value!.Id, status, Officer, CancellationToken.None));
            return created.Value!.Id;
        }
        async Task<Prisoner> PrisonerAsync(int desk, string? captured) =>
            (await app.AsSystemAsync<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput
            {
                FamilyName = "Reviewed" + Guid.NewGuid().ToString("N")[..6],
                DateOfCapture = captured,
                DeskId = desk,
                DuplicatesChecked = true,
            }, Officer, CancellationToken.None))).Value!;

        await ConsultationAsync("Quiet since the summer", Desk.DefaultDeskId, [ukraine], ConsultationStatus.Held);
        app.Time.Advance(TimeSpan.FromDays(31));

        var late = await PrisonerAsync(Desk.DefaultDeskId, Day(-20));
        await PrisonerAsync(Desk.DefaultDeskId, Day(-2));
        await PrisonerAsync(deskB, Day(-10));
        var wish = (await app.AsSystemAsync<WishService, ServiceResult<WishDeclaration>>(w => w.RecordAsync(late.Id, new WishInput
        {
            TakenOn = Day(-1),
            Interviewer = "ICRC delegate",
            Organisation = InterviewerOrganisation.Icrc,
            PrivateInterview = true,
            Destination = WishDestination.TransferToThirdState,
            DestinationState = "KR",
            Certainty = 90,
            Verification = WishVerification.VerifiedByNeutralParty,
        }, Officer, CancellationToken.None))).Value!;
        var request = (await app.AsSystemAsync<RequestService, ServiceResult<TransferRequest>>(r => r.CreateAsync(late.Id, new RequestInput { DestinationState = "KR", WishId = wish.Id }, Officer, CancellationToken.None))).Value!;
        foreach (var step in new[] { RequestStatus.Submitted, RequestStatus.UnderConsultation })
        {
            Assert.True((await app.AsSystemAsync<RequestService, ServiceResult<TransferRequest>>(r => r.MoveAsync(request.Id, step, null, null, new Actor("seed-admin"), CancellationToken.None))).Succeeded);
        }

        var followUp = await ConsultationAsync("Lists for the Korean embassy", Desk.DefaultDeskId, [ukraine, icrc], ConsultationStatus.FollowUpPending);
        var owner = (await app.CreateUserAsync(Roles.CaseOfficer)).Id;
        await app.AsSystemAsync<ConsultationService, ServiceResult<ActionItem>>(c => c.AddActionItemAsync(followUp, "Send the list", owner, Day(-3), Officer, CancellationToken.None));
        await ConsultationAsync("Visits in Kyiv", deskB, [icrc], ConsultationStatus.FollowUpPending);
        app.Time.Advance(TimeSpan.FromDays(4));
    }

    private static int RowsIn(Session.Result list) =>
        list.Document.QuerySelectorAll("#consultations tbody tr, #requests tbody tr, #register tbody tr, table.notifications tbody tr").Length;

    private static string Figure(Session.Result page, string selector) => page.Document.QuerySelector(selector)?.TextContent.Trim() ?? $"(no {selector})";

    [Fact]
    public async Task TheReview_ShowsEachFigure_AndEachLinksToTheListItCounts()
    {
        await SeedAsync();
        using var admin = await app.LoginAsAdminAsync();
        var review = await admin.GetAsync("/");
        Assert.EndsWith("/Admin/Review", review.Url, StringComparison.Ordinal); // the administrators' home page

        Assert.Equal("2", Figure(review, "#consultations-by-status tr[data-key=FollowUpPending] a"));
        Assert.Equal("1", Figure(review, "#consultations-by-status tr[data-key=Held] a"));
        Assert.Equal("0", Figure(review, "#consultations-by-status tr[data-key=Proposed] a"));
        Assert.Equal(Enum.GetValues<ConsultationStatus>().Length, review.Document.QuerySelectorAll("#consultations-by-status .bar-row rect").Length); // the chart draws every bar
        Assert.Equal("2", Figure(review, "#consultations-by-counterpart tr:nth-child(1) a")); // Ukraine and the ICRC, two each
        Assert.Equal("1", Figure(review, "#figure-overdue-items"));
        Assert.Contains("Send the list", Figure(review, "#overdue-action-items"), StringComparison.Ordinal);
        Assert.Equal("1", Figure(review, "#figure-stalled"));
        Assert.Contains("Quiet since the summer", Figure(review, "#stalled-consultations"), StringComparison.Ordinal);
        Assert.Equal("1", Figure(review, "#figure-under-consultation"));
        Assert.Equal("4", Figure(review, "#requests-under-consultation .days-waiting"));
        Assert.Equal("0", Figure(review, "#figure-flagged"));
        Assert.Equal("0", Figure(review, "#figure-handovers-due"));
        Assert.Equal("2", Figure(review, "#figure-capture-cards")); // captured 24 and 14 days ago; the one from 6 days ago is not late yet
        Assert.Equal("2", Figure(review, "#figure-overdue-notifications"));
        Assert.Contains("Capture cards not sent within 7 days of capture", review.Text, StringComparison.Ordinal); // the configured deadline, not a fixed word // the two late capture cards, nothing else owed
        Assert.Equal("3", Figure(review, "#prisoners-by-custody tr[data-key=InCustody] a"));
        Assert.Equal("1", Figure(review, "#prisoners-by-wish tr[data-key=TransferToThirdState] a"));
        Assert.Equal("1", Figure(review, "#prisoners-by-verification tr[data-key=VerifiedByNeutralParty] a"));

        // Every figure, followed: the list behind it has that many rows.
        var links = review.Document.QuerySelectorAll("main a[id^=figure-], .chart-table a, #consultations-by-counterpart a")
            .Select(a => (Href: a.GetAttribute("href")!, Count: int.Parse(a.TextContent.Trim(), CultureInfo.InvariantCulture))).ToList();
        Assert.True(links.Count >= 25, $"only {links.Count} figures found");
        foreach (var (href, count) in links)
        {
            var list = await admin.GetAsync(href);
            Assert.True(list.Status == HttpStatusCode.OK, href);
            Assert.True(count == RowsIn(list), $"{href}: the review says {count}, the list shows {RowsIn(list)}");
        }
    }

    [Fact]
    public async Task TheReview_IsForAdministrators()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        Assert.Contains("/Account/AccessDenied", (await officer.GetAsync("/Admin/Review")).Url, StringComparison.Ordinal);
        var home = await officer.GetAsync("/");
        Assert.DoesNotContain("/Admin/Review", home.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Consultations?Status=banana&Counterpart=x&Stalled=maybe&Overdue=%00")]
    [InlineData("/Consultations?Status=99")]
    [InlineData("/Requests?Status=-1&Flagged=yes&HandoverDue=2")]
    [InlineData("/Notifications?overdue=banana&kind=%00")]
    public async Task HandEditedFilterLinks_ShowAList_NotAnError(string url)
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync(url)).StatusCode);
    }
}
