using System.Globalization;
using System.Net;

using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests.Retention;

/// <summary>
/// Issue 16 in the browser's terms (HTTP + forms): the due list, a legal hold placed and lifted from the record's
/// retention page, early anonymisation signed off by two administrators, what falls due within 30 days on the review,
/// and everything held on one man as a page and as JSON, each audited.
/// </summary>
public sealed class RetentionPagesTests : IAsyncLifetime
{
    private readonly PowRegistryFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string YearsAgo(int years, int plusDays = 0) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-years).AddDays(plusDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(int Id, string Reference)> ClosedAsync(string family, string releasedOn)
    {
        var created = (await _app.AsSystemAsync<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput
        {
            FamilyName = family,
            GivenNames = "Yong Chol",
            DateOfCapture = YearsAgo(12),
            Nationality = "KP",
            DuplicatesChecked = true,
        }, Actor.System, CancellationToken.None))).Value!;
        await _app.AsSystemAsync<PrisonerService, ServiceResult<PrisonerAlias>>(s => s.AddAliasAsync(created.Id, new AliasInput { Name = "리영철" }, Actor.System, CancellationToken.None));
        var released = await _app.AsSystemAsync<PrisonerService, ServiceResult<CustodyEvent>>(s => s.AddCustodyEventAsync(created.Id,
            new CustodyEventInput { Kind = CustodyEventKind.Released, Date = releasedOn }, Actor.System, CancellationToken.None));
        Assert.True(released.Succeeded);
        return (created.Id, created.Reference);
    }

    private Task<List<AuditEntry>> EntriesAsync(string action) =>
        _app.AsSystemAsync<PowRegistryDbContext, List<AuditEntry>>(db => db.AuditEntries.Where(e => e.Action == action).ToListAsync());

    [Fact]
    public async Task TheDueList_ShowsWhy_AndALegalHoldPlacedOnTheRecordPage_KeepsItThroughTheRun()
    {
        var (due, dueRef) = await ClosedAsync("Dueone", YearsAgo(11));
        var (held, heldRef) = await ClosedAsync("Heldone", YearsAgo(11));
        using var admin = await _app.LoginAsAdminAsync();

        var record = await admin.GetAsync($"/Admin/Retention/Record/{held}");
        var refused = await admin.SubmitAsync(record, "Place a legal hold", new Dictionary<string, string?> { ["Reason"] = " " });
        Assert.Contains("Give the reason for the legal hold.", refused.Text, StringComparison.Ordinal);
        var placed = await admin.SubmitAsync(record, "Place a legal hold", new Dictionary<string, string?> { ["Reason"] = "Court case 12/2025" });
        Assert.Contains("On legal hold since", placed.Text, StringComparison.Ordinal);

        var list = await admin.GetAsync("/Admin/Retention");
        var rows = list.Document.QuerySelectorAll("#retention-due tbody tr");
        Assert.Equal("To be anonymised", rows.Single(r => r.GetAttribute("data-key") == due.ToString(CultureInfo.InvariantCulture)).QuerySelector(".outcome")!.TextContent.Trim());
        Assert.Equal("Kept: on legal hold (Court case 12/2025)", rows.Single(r => r.GetAttribute("data-key") == held.ToString(CultureInfo.InvariantCulture)).QuerySelector(".outcome")!.TextContent.Trim());

        var after = await admin.SubmitAsync(list, "Anonymise the records due now");
        Assert.Contains("1 records anonymised, 1 kept on legal hold, 0 failed; 0 consultation documents removed; 0 access entries expired.", after.Text, StringComparison.Ordinal);
        var remaining = after.Document.QuerySelectorAll("#retention-due tbody tr");
        Assert.Equal(heldRef, Assert.Single(remaining).QuerySelector(".ref")!.TextContent.Trim());
        Assert.DoesNotContain(dueRef, after.Text, StringComparison.Ordinal);

        var heldRecord = await admin.GetAsync($"/Prisoners/{held}");
        Assert.Contains("Heldone", heldRecord.Text, StringComparison.Ordinal);
        Assert.NotNull(heldRecord.Document.QuerySelector("#legal-hold-notice"));
        var dueRecord = await admin.GetAsync($"/Prisoners/{due}");
        Assert.NotNull(dueRecord.Document.QuerySelector("#anonymised-notice"));
        Assert.DoesNotContain("Dueone", dueRecord.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("리영철", dueRecord.Text, StringComparison.Ordinal);
        Assert.NotEmpty(dueRecord.Document.QuerySelectorAll("table.audit .redacted")); // his history: the entries stay, their values gone
        Assert.Contains("anonymised under retention", dueRecord.Text, StringComparison.Ordinal);
        var anonymised = await admin.GetAsync($"/Admin/Retention/Record/{due}");
        Assert.NotNull(anonymised.Document.QuerySelector("#anonymised"));

        var lifted = await admin.SubmitAsync(await admin.GetAsync($"/Admin/Retention/Record/{held}"), "Lift the legal hold");
        Assert.NotNull(lifted.Document.QuerySelector("#place-hold"));
    }

    [Fact]
    public async Task EarlyAnonymisation_FromThePage_NeedsASecondAdministrator()
    {
        var (id, _) = await ClosedAsync("Earlyone", YearsAgo(2));
        using var first = await _app.LoginAsAdminAsync();
        var page = await first.GetAsync($"/Admin/Retention/Record/{id}");
        var signed = await first.SubmitAsync(page, "Sign off the anonymisation", new Dictionary<string, string?> { ["Reason"] = "His letter of 3 May" });
        Assert.NotNull(signed.Document.QuerySelector("#first-sign-off"));
        var again = await first.SubmitAsync(signed, "Sign off the anonymisation", new Dictionary<string, string?> { ["Reason"] = "Again" });
        Assert.Contains("a second, different administrator must sign off", again.Text, StringComparison.Ordinal);

        using var second = await _app.LoginAsNewUserAsync(Roles.Administrator);
        var done = await second.SubmitAsync(await second.GetAsync($"/Admin/Retention/Record/{id}"), "Sign off the anonymisation", new Dictionary<string, string?> { ["Reason"] = "Identity checked" });
        Assert.NotNull(done.Document.QuerySelector("#anonymised"));
        Assert.Single(await EntriesAsync(AuditActions.Anonymise));
    }

    [Fact]
    public async Task TheReview_ShowsWhatFallsDueWithin30Days()
    {
        var (soon, soonRef) = await ClosedAsync("Soonone", YearsAgo(10, plusDays: 10));
        await ClosedAsync("Laterone", YearsAgo(10, plusDays: 60));
        await ClosedAsync("Pastone", YearsAgo(11));
        using var admin = await _app.LoginAsAdminAsync();
        var review = await admin.GetAsync("/Admin/Review");
        Assert.Equal("1", review.Document.QuerySelector("#figure-retention-due")!.TextContent.Trim());
        var row = Assert.Single(review.Document.QuerySelectorAll("#retention-falling-due tbody tr"));
        Assert.Equal(soon.ToString(CultureInfo.InvariantCulture), row.GetAttribute("data-key"));
        Assert.Contains(soonRef, row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EverythingHeldOnOneMan_IsAPageAndAJsonFile_ForAdministratorsOnly_AndEachIsAudited()
    {
        var (id, reference) = await ClosedAsync("Wholeone", YearsAgo(1));
        await _app.AsSystemAsync<WishService, ServiceResult<WishDeclaration>>(s => s.RecordAsync(id, new WishInput
        {
            TakenOn = YearsAgo(2),
            Interviewer = "Delegate",
            Organisation = InterviewerOrganisation.Icrc,
            Destination = WishDestination.TransferToThirdState,
            DestinationState = "KR",
            VerbatimWords = "남쪽으로 가고 싶습니다",
            Translation = "I want to go South",
        }, Actor.System, CancellationToken.None));
        using var admin = await _app.LoginAsAdminAsync();
        await admin.GetAsync($"/Prisoners/{id}"); // a view, for the access log

        var page = await admin.GetAsync($"/Admin/Retention/Everything/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Wholeone", page.Document.QuerySelector("#held-record")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("리영철", page.Document.QuerySelector("#held-aliases")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Released", page.Document.QuerySelector("#held-timeline")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("남쪽으로 가고 싶습니다", page.Document.QuerySelector("#held-wishes")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Prisoner's record — opened", page.Document.QuerySelector("#held-access-log")!.TextContent, StringComparison.Ordinal);

        var json = await admin.Client.GetAsync($"/Admin/Retention/Everything/{id}?handler=Json");
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        var body = await json.Content.ReadAsStringAsync();
        Assert.Contains("\"Reference\": \"" + reference + "\"", body, StringComparison.Ordinal);
        Assert.Contains("리영철", body, StringComparison.Ordinal);
        Assert.Contains("I want to go South", body, StringComparison.Ordinal);
        Assert.Contains("\"AccessLog\"", body, StringComparison.Ordinal);

        var disclosed = await EntriesAsync(AuditActions.Disclose);
        Assert.Equal(2, disclosed.Count(e => e.PrisonerId == id));
        Assert.Contains(disclosed, e => e.Changes.Contains("\"json\"", StringComparison.Ordinal));

        using var officer = await _app.LoginAsNewUserAsync(Roles.CaseOfficer, 1);
        var refused = await officer.GetAsync($"/Admin/Retention/Everything/{id}", follow: false);
        Assert.NotEqual(HttpStatusCode.OK, refused.Status);
        Assert.Equal(2, (await EntriesAsync(AuditActions.Disclose)).Count);
    }
}
