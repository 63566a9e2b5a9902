using System.Net;

using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Core.Data;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Exchange;
using PowRegistry.Core.Prisoners;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>
/// CSV export of the filtered register and sharing with counterparts: columns, formula neutralising, need-to-know,
/// sensitive fields, per-recipient pseudonyms, the second administrator, and the transfer register.
/// </summary>
public sealed class ExportAndShareTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    /// <summary>A name no other test's name sounds like: letters only (name keys ignore digits), random.</summary>
    private static string Tag() => "Exp" + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));

    private async Task<int> RegisterAsync(PrisonerInput input, int deskId = Desk.DefaultDeskId)
    {
        input.DeskId = deskId;
        input.DuplicatesChecked = true;
        return await app.AsSystemAsync<PrisonerService, int>(async s =>
        {
            var result = await s.CreateAsync(input, Actor.System, CancellationToken.None);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            return result.Value!.Id;
        });
    }

    private async Task<int> CounterpartAsync(string name) =>
        await app.AsSystemAsync<ConsultationService, int>(async s => (await s.AddCounterpartAsync(name + " " + Guid.NewGuid().ToString("N")[..6], CounterpartKind.Ministry, "KR", CancellationToken.None)).Value!.Id);

    /// <summary>Posts the export form with these filter fields and columns; returns the response (CSV or the page again).</summary>
    private static async Task<Session.Result> ExportAsync(Session session, string filter, params string[] columns)
    {
        var page = await session.GetAsync("/Prisoners/Export?" + filter);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var fields = page.Document.QuerySelectorAll("form[method=post] input[type=hidden]")
            .Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat(columns.Select(c => new KeyValuePair<string, string>("Columns", c)));
        return await session.PostRawAsync(page, "/Prisoners/Export", fields);
    }

    private static async Task<List<string[]>> CsvAsync(Session.Result result)
    {
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("text/csv", result.Response.Content.Headers.ContentType!.MediaType);
        var bytes = await result.Response.Content.ReadAsByteArrayAsync();
        var read = Csv.Read(bytes, 100_000, 100_000);
        Assert.Null(read.Error);
        return read.Records.Select(r => r.Cells.ToArray()).ToList();
    }

    [Fact]
    public async Task Export_HasTheChosenColumnsInOrder_AndOnlyTheFilteredRecords()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var tag = Tag();
        await RegisterAsync(new PrisonerInput { FamilyName = tag, GivenNames = "Chol", Nationality = "KP", Rank = "Private" });
        await RegisterAsync(new PrisonerInput { FamilyName = tag, GivenNames = "Ivan", Nationality = "RU", Rank = "Sergeant" });

        var rows = await CsvAsync(await ExportAsync(officer, $"q={tag}&nationality=KP", "nationality", "family_name", "rank", "not_a_column"));

        Assert.Equal(["family_name", "rank", "nationality"], rows[0]);
        Assert.Single(rows.Skip(1));
        Assert.Equal([tag, "Private", "KP"], rows[1]);
    }

    [Fact]
    public async Task Export_NeutralisesCellsThatCouldRunAsFormulas()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var tag = Tag();
        await RegisterAsync(new PrisonerInput { FamilyName = tag, GivenNames = "=HYPERLINK(\"http://evil\",\"x\")", Rank = "+1+2", Unit = "@SUM(A1)", PlaceOfBirth = "-3, \"quoted\"", Notes = "plain" });

        var rows = await CsvAsync(await ExportAsync(officer, $"q={tag}", "given_names", "rank", "unit", "place_of_birth", "notes"));

        Assert.Equal(["'=HYPERLINK(\"http://evil\",\"x\")", "'+1+2", "'-3, \"quoted\"", "'@SUM(A1)", "plain"], rows[1]); // documented column order
        Assert.All(rows.Skip(1).SelectMany(r => r), cell => Assert.False(Csv.LooksLikeFormula(cell), cell));
    }

    [Fact]
    public async Task Export_OnlyHoldsRecordsOfTheOfficersDesks()
    {
        var deskA = await app.AsSystemAsync<DeskService, int>(async d => (await d.CreateAsync("Export A " + Guid.NewGuid().ToString("N")[..6], CancellationToken.None)).Value!.Id);
        var deskB = await app.AsSystemAsync<DeskService, int>(async d => (await d.CreateAsync("Export B " + Guid.NewGuid().ToString("N")[..6], CancellationToken.None)).Value!.Id);
        var tag = Tag();
        await RegisterAsync(new PrisonerInput { FamilyName = tag, GivenNames = "Mine" }, deskA);
        await RegisterAsync(new PrisonerInput { FamilyName = tag, GivenNames = "Theirs" }, deskB);
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer, deskA);

        var rows = await CsvAsync(await ExportAsync(officer, $"q={tag}", "family_name", "given_names"));

        Assert.Equal([[tag, "Mine"]], rows.Skip(1).ToList());
        // …and even a hand-made empty filter exports no record of desk B.
        var all = await CsvAsync(await ExportAsync(officer, "", "given_names"));
        Assert.DoesNotContain(all, r => r[0] == "Theirs");
    }

    [Fact]
    public async Task Export_SensitiveFields_OnlyForTheOwningDeskAndAdministrators()
    {
        var tag = Tag();
        var desk = await app.AsSystemAsync<DeskService, int>(async d => (await d.CreateAsync("Sensitive " + tag, CancellationToken.None)).Value!.Id);
        await RegisterAsync(new PrisonerInput { FamilyName = tag, FatherFirstName = "Father" + tag, AddressForCorrespondence = "Street " + tag }, desk);
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer, desk);
        using var auditor = await app.LoginAsNewUserAsync(Roles.Auditor); // reads every desk, but is not on this one
        using var admin = await app.LoginAsAdminAsync();

        foreach (var (who, session, sees) in new[] { ("officer", officer, true), ("admin", admin, true), ("auditor", auditor, false) })
        {
            var rows = await CsvAsync(await ExportAsync(session, $"q={tag}", "family_name", "father_first_name", "address_for_correspondence"));
            Assert.Equal(2, rows.Count);
            Assert.Equal(sees ? ["Father" + tag, "Street " + tag] : ["", ""], rows[1][1..]);
            _ = who;
        }
    }

    [Fact]
    public async Task Export_IsRecordedInTheTransferRegister_ForAdministratorsAndAuditorsOnly()
    {
        var tag = Tag();
        await RegisterAsync(new PrisonerInput { FamilyName = tag });
        await RegisterAsync(new PrisonerInput { FamilyName = tag });
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        await CsvAsync(await ExportAsync(officer, $"q={tag}", "reference", "family_name"));

        using var auditor = await app.LoginAsNewUserAsync(Roles.Auditor);
        var register = await auditor.GetAsync("/Admin/Transfers");
        Assert.Equal(HttpStatusCode.OK, register.Status);
        var entry = register.Document.QuerySelectorAll("table.transfers tbody tr").First(r => r.TextContent.Contains(tag, StringComparison.Ordinal)).TextContent;
        Assert.Contains("CSV export", entry, StringComparison.Ordinal);
        Assert.Contains("CaseOfficer test user", entry, StringComparison.Ordinal);
        Assert.Contains("reference, family_name", entry, StringComparison.Ordinal);
        Assert.Contains("2", entry, StringComparison.Ordinal);
        Assert.Equal(2, await app.AsSystemAsync<PowRegistryDbContext, int>(db => db.Transfers.Where(t => t.Filter!.Contains(tag)).Select(t => t.RecordCount).SingleAsync()));

        using var admin = await app.LoginAsAdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Transfers")).Status);
        Assert.Contains("/Account/AccessDenied", (await officer.GetAsync("/Admin/Transfers")).Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WithNoOrHostileColumns_SaysSo_AndRecordsNothing()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var before = await app.AsSystemAsync<PowRegistryDbContext, int>(db => db.Transfers.CountAsync());
        foreach (var columns in new[] { Array.Empty<string>(), ["<script>"], [new string('x', 300), "=1+1"] })
        {
            var result = await ExportAsync(officer, "status=banana&wish=99&q=%00", columns);
            Assert.Equal(HttpStatusCode.OK, result.Status);
            Assert.Contains("Choose at least one column.", result.Text, StringComparison.Ordinal);
        }
        // ASP.NET Core's form decoder refuses %00, so antiforgery cannot read the form and answers 400 (the status page) before the page runs: never a 500.
        Assert.NotEqual(HttpStatusCode.InternalServerError, (await ExportAsync(officer, "", "\u0000")).Status);
        Assert.Equal(before, await app.AsSystemAsync<PowRegistryDbContext, int>(db => db.Transfers.CountAsync()));
    }

    [Fact]
    public async Task AnUnreadableFilter_IsRefused_NotWidenedToTheWholeRegister()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var before = await app.AsSystemAsync<PowRegistryDbContext, int>(db => db.Transfers.CountAsync());
        foreach (var page in new[] { "/Prisoners/Export", "/Exchange/Share" })
        {
            foreach (var filter in new[] { "status=banana", "wish=99", "verification=-1" })
            {
                var shown = await officer.GetAsync($"{page}?{filter}");
                Assert.Equal(HttpStatusCode.OK, shown.Status);
                Assert.Contains("filter could not be read", shown.Text, StringComparison.Ordinal);
                Assert.Null(shown.Document.QuerySelector("main form[method=post]")); // nothing offered to send

                // A forged post carrying the unreadable value is refused too.
                var (key, value) = (filter.Split('=')[0], filter.Split('=')[1]);
                var posted = await officer.PostRawAsync(shown, page, [new(char.ToUpperInvariant(key[0]) + key[1..], value), new("Columns", "nationality"), new("CounterpartId", "1")]);
                Assert.Equal(HttpStatusCode.OK, posted.Status);
                Assert.Contains("filter could not be read", posted.Text, StringComparison.Ordinal);
            }
        }
        Assert.Equal(before, await app.AsSystemAsync<PowRegistryDbContext, int>(db => db.Transfers.CountAsync()));
    }

    /// <summary>Requests a share through the form; returns the share's page.</summary>
    private static async Task<Session.Result> RequestShareAsync(Session session, string filter, int counterpartId, params string[] columns)
    {
        var page = await session.GetAsync("/Exchange/Share?" + filter);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var fields = page.Document.QuerySelectorAll("form[method=post] input[type=hidden]")
            .Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Append(new("CounterpartId", counterpartId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Concat(columns.Select(c => new KeyValuePair<string, string>("Columns", c)));
        return await session.PostRawAsync(page, "/Exchange/Share", fields);
    }

    private static Task<Session.Result> DownloadAsync(Session session, Session.Result sharePage) =>
        session.PostRawAsync(sharePage, new Uri(sharePage.Url).AbsolutePath + "?handler=Download", []);

    [Fact]
    public async Task PseudonymousShare_IsReadyAtOnce_StablePerRecipient_AndDifferentAcrossRecipients()
    {
        var tag = Tag();
        var first = await RegisterAsync(new PrisonerInput { FamilyName = tag, GivenNames = "One", Nationality = "KP" });
        var second = await RegisterAsync(new PrisonerInput { FamilyName = tag, GivenNames = "Two", Nationality = "KP" });
        var seoul = await CounterpartAsync("Seoul MOFA");
        var icrc = await CounterpartAsync("ICRC");
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);

        async Task<Dictionary<string, string>> ShareAsync(int counterpart)
        {
            var share = await RequestShareAsync(officer, $"q={tag}", counterpart, "nationality", "custody_status");
            Assert.Contains("Ready (pseudonymised)", share.Document.QuerySelector("#share-status")!.TextContent, StringComparison.Ordinal);
            var rows = await CsvAsync(await DownloadAsync(officer, share));
            Assert.Equal(["pseudonym", "nationality", "custody_status"], rows[0]);
            Assert.DoesNotContain(rows.SelectMany(r => r), c => c.Contains(tag, StringComparison.Ordinal) || c.StartsWith("POW-", StringComparison.Ordinal));
            Assert.All(rows.Skip(1), r => Assert.Matches("^P-[0-9A-F]{16}$", r[0]));
            return rows.Skip(1).ToDictionary(r => r[0], r => r[1]);
        }

        var toSeoul = await ShareAsync(seoul);
        var toSeoulAgain = await ShareAsync(seoul);
        var toIcrc = await ShareAsync(icrc);

        Assert.Equal(2, toSeoul.Count);
        Assert.Equal(toSeoul.Keys.Order(), toSeoulAgain.Keys.Order()); // stable for one recipient
        Assert.Empty(toSeoul.Keys.Intersect(toIcrc.Keys)); // unrelated across recipients
        var key = await app.AsSystemAsync<PseudonymKey, string>(k => Task.FromResult(k.For(seoul, first)));
        Assert.Contains(key, toSeoul.Keys);
        Assert.NotEqual(key, await app.AsSystemAsync<PseudonymKey, string>(k => Task.FromResult(k.For(seoul, second))));
    }

    [Fact]
    public async Task IdentityShare_WaitsForASecondDifferentAdministrator_ThenCarriesNames_AndIsInTheTransferRegister()
    {
        var tag = Tag();
        await RegisterAsync(new PrisonerInput { FamilyName = tag, GivenNames = "Named", Nationality = "KP" });
        var counterpart = await CounterpartAsync("Seoul MOIS");
        using var requester = await app.LoginAsAdminAsync();
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        using var other = await app.LoginAsNewUserAsync(Roles.Administrator);

        var share = await RequestShareAsync(requester, $"q={tag}", counterpart, "reference", "family_name", "nationality");
        Assert.Contains("Waiting for a second administrator", share.Document.QuerySelector("#share-status")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(share.Document.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Download share");
        var early = await DownloadAsync(requester, share);
        Assert.Equal("text/html", early.Response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("waits for a second administrator's approval", early.Text, StringComparison.Ordinal);

        // The requester cannot approve his own request, even with the button he is shown as an administrator.
        var self = await requester.SubmitAsync(share, "Approve sharing identities");
        Assert.Contains("You requested this share: another administrator must approve it.", self.Text, StringComparison.Ordinal);
        Assert.Contains("Waiting for a second administrator", self.Document.QuerySelector("#share-status")!.TextContent, StringComparison.Ordinal);
        // A case officer may not approve (the share does not exist for him).
        var id = new Uri(share.Url).AbsolutePath;
        var officerPage = await officer.GetAsync("/Exchange/Share");
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostRawAsync(officerPage, id + "?handler=Approve", [])).Status);

        var approved = await other.SubmitAsync(await other.GetAsync(id), "Approve sharing identities");
        Assert.Contains("Approved (with identities)", approved.Document.QuerySelector("#share-status")!.TextContent, StringComparison.Ordinal);
        // Only the requester downloads.
        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync(other, approved)).Status);

        var rows = await CsvAsync(await DownloadAsync(requester, await requester.GetAsync(id)));
        Assert.Equal(["pseudonym", "reference", "family_name", "nationality"], rows[0]);
        Assert.Equal(tag, rows[1][2]);
        Assert.StartsWith("POW-", rows[1][1], StringComparison.Ordinal);

        var register = await other.GetAsync("/Admin/Transfers");
        var entry = register.Document.QuerySelectorAll("table.transfers tbody tr").First(r => r.TextContent.Contains(tag, StringComparison.Ordinal)).TextContent;
        Assert.Contains("Share with a counterpart", entry, StringComparison.Ordinal);
        Assert.Contains("Seoul MOIS", entry, StringComparison.Ordinal);
        Assert.Contains("Administrator test user", entry, StringComparison.Ordinal); // approved by the second administrator
        Assert.Contains("reference, family_name, nationality", entry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficersIdentityShare_IsApprovedByAnAdministrator_AndEachDownloadIsCounted()
    {
        var tag = Tag();
        await RegisterAsync(new PrisonerInput { FamilyName = tag, Nationality = "KP" });
        var counterpart = await CounterpartAsync("Kyiv coordination HQ");
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        using var admin = await app.LoginAsAdminAsync();

        var share = await RequestShareAsync(officer, $"q={tag}", counterpart, "family_name");
        Assert.Contains("Waiting for a second administrator", share.Document.QuerySelector("#share-status")!.TextContent, StringComparison.Ordinal);
        var id = new Uri(share.Url).AbsolutePath;
        Assert.Contains("Kyiv coordination HQ", (await admin.GetAsync("/Exchange/Shares")).Text, StringComparison.Ordinal); // administrators see every share
        await admin.SubmitAsync(await admin.GetAsync(id), "Approve sharing identities");

        var page = await officer.GetAsync(id);
        Assert.Equal(tag, (await CsvAsync(await DownloadAsync(officer, page)))[1][1]);
        await CsvAsync(await DownloadAsync(officer, page));
        Assert.Equal(2, await app.AsSystemAsync<PowRegistryDbContext, int>(db => db.Transfers.Where(t => t.Filter!.Contains(tag)).Select(t => t.Downloads).SingleAsync()));
    }

    [Fact]
    public async Task AShare_IsInvisibleToOtherOfficers_AndAuditorsCannotShare()
    {
        var tag = Tag();
        await RegisterAsync(new PrisonerInput { FamilyName = tag });
        var counterpart = await CounterpartAsync("UNHCR");
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        using var stranger = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var share = await RequestShareAsync(officer, $"q={tag}", counterpart, "nationality");
        Assert.Matches(@"/Exchange/Shares/\d+$", share.Url);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri(share.Url).AbsolutePath)).Status);
        var strangerPage = await stranger.GetAsync("/Exchange/Share");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostRawAsync(strangerPage, new Uri(share.Url).AbsolutePath + "?handler=Download", [])).Status);
        using var auditor = await app.LoginAsNewUserAsync(Roles.Auditor);
        Assert.Contains("/Account/AccessDenied", (await auditor.GetAsync("/Exchange/Share")).Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Share_WithoutCounterpartOrFields_OrWithHostileValues_SaysSo()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var page = await officer.GetAsync("/Exchange/Share");
        var none = await officer.PostRawAsync(page, "/Exchange/Share", [new("CounterpartId", "abc"), new("Columns", "nationality")]);
        Assert.Equal(HttpStatusCode.OK, none.Status);
        Assert.Contains("Choose a counterpart from the list.", none.Text, StringComparison.Ordinal);
        var counterpart = await CounterpartAsync("Other");
        var noFields = await officer.PostRawAsync(page, "/Exchange/Share", [new("CounterpartId", counterpart.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Columns", "<svg onload=alert(1)>")]);
        Assert.Contains("Choose at least one field to share.", noFields.Text, StringComparison.Ordinal);
        var missing = await officer.PostRawAsync(page, "/Exchange/Share", [new("CounterpartId", "2147483647"), new("Columns", "nationality")]);
        Assert.Contains("Choose a counterpart from the list.", missing.Text, StringComparison.Ordinal);
        var nothing = await officer.PostRawAsync(page, "/Exchange/Share", [new("q", Tag()), new("CounterpartId", counterpart.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Columns", "nationality")]);
        Assert.Contains("No record matches the filter: nothing to share.", nothing.Text, StringComparison.Ordinal);
    }
}
