using System.Net;
using System.Text;

using AngleSharp;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Data;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Exchange;
using PowRegistry.Web.Pages.Prisoners;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>CSV import at /Prisoners/Import and on the command line: preview, every refusal, all-or-nothing, skip-invalid, duplicates.</summary>
public sealed class ImportTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    private const string Header = "family_name,given_names,date_of_birth,nationality,service_number,health_status";

    /// <summary>A name no other test's name sounds like: letters only (name keys ignore digits), random.</summary>
    private static string Tag() => "Imp" + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Uploads a file to the preview, as the page's multipart form does (with its antiforgery token).</summary>
    internal static async Task<Session.Result> UploadAsync(Session session, byte[] file, int? deskId = null)
    {
        var page = await session.GetAsync("/Prisoners/Import");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var form = page.Document.QuerySelector("form[enctype='multipart/form-data']")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "file", "prisoners.csv" },
        };
        if (deskId is not null) content.Add(new StringContent(deskId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "DeskId");
        var response = await session.Client.PostAsync(form.GetAttribute("action"), content);
        var html = await response.Content.ReadAsStringAsync();
        var document = await AngleSharp.BrowsingContext.New(AngleSharp.Configuration.Default).OpenAsync(r => r.Content(html).Address(response.RequestMessage!.RequestUri!.ToString()));
        return new Session.Result(response.StatusCode, response.RequestMessage!.RequestUri!.ToString(), document, response);
    }

    private static Task<Session.Result> ConfirmAsync(Session session, Session.Result preview, bool skipInvalid = false) =>
        session.SubmitAsync(preview, "Import", skipInvalid ? new Dictionary<string, string?> { ["SkipInvalid"] = "true" } : null);

    private async Task<int> CountAsync(string tag) =>
        await app.AsSystemAsync<PowRegistryDbContext, int>(db => db.Prisoners.CountAsync(p => p.FamilyName!.StartsWith(tag)));

    private static string RowErrors(Session.Result page, int row) =>
        page.Document.QuerySelector($"tr[data-row='{row}'] .row-errors")?.TextContent ?? "";

    [Fact]
    public async Task Template_HasTheDocumentedColumns()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var response = await officer.Client.GetAsync("/Prisoners/Import?handler=Template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("family_name,given_names,alias,rank,service_number,date_of_birth,", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        // The template itself imports (its example row is valid).
        var preview = await UploadAsync(officer, await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("1 rows: 1 valid, 0 with errors.", preview.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_ListsTheRows_AndSavesNothing_ThenConfirmRegistersThemAll_WithAudit()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var tag = Tag();
        var file = Utf8($"{Header}\r\n{tag}a,Chol,1999-05-01,KP,{tag}-1,Good\r\n\"{tag}b\",\"Song, Il\",2000,KP,,wounded\r\n");

        var preview = await UploadAsync(officer, file);

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("2 rows: 2 valid, 0 with errors. Nothing is saved until you confirm.", preview.Text, StringComparison.Ordinal);
        Assert.Contains("Song, Il", preview.Document.QuerySelector("tr[data-row='3']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(tag));

        var result = await ConfirmAsync(officer, preview);

        Assert.Contains("2 prisoners registered, 0 rows skipped.", result.Text, StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync(tag));
        var audited = await app.AsSystemAsync<PowRegistryDbContext, int>(async db =>
        {
            var ids = await db.Prisoners.Where(p => p.FamilyName!.StartsWith(tag)).Select(p => p.Id).ToListAsync();
            return await db.AuditEntries.Where(a => a.PrisonerId != null && ids.Contains(a.PrisonerId.Value)).Select(a => a.PrisonerId).Distinct().CountAsync();
        });
        Assert.Equal(2, audited);
        Assert.Equal(2, (await officer.GetAsync($"/Prisoners?q={tag}")).Document.QuerySelectorAll("tbody tr").Length); // on his desk, so he sees them

        // The same preview cannot be imported twice.
        var again = await ConfirmAsync(officer, preview);
        Assert.Contains("This preview has expired or was not yours", again.Text, StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync(tag));
    }

    [Fact]
    public async Task RowErrors_NameRowColumnAndMessage_AndWithoutSkip_NothingIsSaved()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var tag = Tag();
        var file = Utf8($"{Header}\n{tag}ok,A,1999-05-01,KP,,\n{tag}bad,B,17.04.1998,KP,,\n{tag}bad2,C,1999,ZZ,,Healthy\n,,1999,KP,,\n");

        var preview = await UploadAsync(officer, file);

        Assert.Contains("4 rows: 1 valid, 3 with errors.", preview.Text, StringComparison.Ordinal);
        Assert.Equal("", RowErrors(preview, 2));
        Assert.Contains("date_of_birth: Enter the date of birth as YYYY, YYYY-MM or YYYY-MM-DD", RowErrors(preview, 3), StringComparison.Ordinal);
        Assert.Contains("nationality: Choose a country from the list.", RowErrors(preview, 4), StringComparison.Ordinal);
        Assert.Contains("health_status: Write Good, Sick, Wounded or SeriouslySickOrWounded", RowErrors(preview, 4), StringComparison.Ordinal);
        Assert.Contains("family_name: Enter a family name, or an alias", RowErrors(preview, 5), StringComparison.Ordinal);

        var refused = await ConfirmAsync(officer, preview);

        Assert.Contains("Nothing was saved.", refused.Text, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(tag));
    }

    [Fact]
    public async Task SkipInvalid_SavesTheValidRows_AndSaysWhichWereSkippedAndWhy()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var tag = Tag();
        var file = Utf8($"{Header}\n{tag}ok,A,1999-05-01,KP,,\n{tag}bad,B,2999,KP,,\n{tag}ok2,C,1998,KP,,\n");

        var result = await ConfirmAsync(officer, await UploadAsync(officer, file), skipInvalid: true);

        Assert.Contains("2 prisoners registered, 1 rows skipped.", result.Text, StringComparison.Ordinal);
        var skipped = result.Document.QuerySelector("#import-result .import-problems")!.TextContent;
        Assert.Contains("3", skipped, StringComparison.Ordinal);
        Assert.Contains("The date of birth cannot be in the future.", skipped, StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync(tag));
    }

    [Fact]
    public async Task AllOrNothing_WhenARowFailsAtSaveTime_EarlierRowsAreRolledBack()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var tag = Tag();
        var preview = await UploadAsync(officer, Utf8($"{Header}\n{tag}first,A,1999-05-01,KP,,\n{tag}second,B,1998,KP,{tag}-SN,\n"));
        Assert.Contains("2 valid", preview.Text, StringComparison.Ordinal);

        // Between preview and confirm, another record takes row 3's service number.
        await app.AsSystemAsync<Core.Prisoners.PrisonerService, bool>(async s =>
            (await s.CreateAsync(new Core.Prisoners.PrisonerInput { FamilyName = "Other" + tag, Nationality = "KP", ServiceNumber = tag + "-SN", DeskId = Desk.DefaultDeskId, DuplicatesChecked = true },
                Core.Common.Actor.System, CancellationToken.None)).Succeeded);

        var result = await ConfirmAsync(officer, preview, skipInvalid: false);

        Assert.Contains("Nothing was saved.", result.Text, StringComparison.Ordinal);
        Assert.Contains("already has this service number", result.Text, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(tag)); // row 2 was valid, and is not kept either
    }

    public static TheoryData<string, byte[], string> BadFiles() => new()
    {
        { "not UTF-8", [.. Encoding.UTF8.GetBytes("family_name,given_names,date_of_birth,nationality\nK"), 0xC0, 0xFF, .. Encoding.UTF8.GetBytes("m,A,1999,KP\n")], "The file is not valid UTF-8 text." },
        { "Latin-1", Encoding.Latin1.GetBytes("family_name,given_names,date_of_birth,nationality\nGörög,A,1999,KP\n"), "The file is not valid UTF-8 text." },
        { "no header", Utf8("Kim,A,1999,KP\nRi,B,1998,KP\n"), "The required column “family_name” is missing. Is the first row the header?" },
        { "unknown column", Utf8("family_name,given_names,date_of_birth,nationality,shoe_size\nKim,A,1999,KP,44\n"), "Unknown column “shoe_size”." },
        { "missing column", Utf8("family_name,given_names,nationality\nKim,A,KP\n"), "The required column “date_of_birth” is missing." },
        { "twice", Utf8("family_name,given_names,date_of_birth,nationality,nationality\nKim,A,1999,KP,KP\n"), "The column “nationality” appears twice." },
        { "ragged", Utf8("family_name,given_names,date_of_birth,nationality\nKim,A,1999,KP\nRi,B,1998\n"), "This row has 3 cells but the header has 4" },
        { "formula =", Utf8("family_name,given_names,date_of_birth,nationality\n=HYPERLINK(A1),A,1999,KP\n"), "The cell begins with “=”: a spreadsheet could run it as a formula." },
        { "formula +", Utf8("family_name,given_names,date_of_birth,nationality\nKim,+cmd,1999,KP\n"), "The cell begins with “+”" },
        { "formula -", Utf8("family_name,given_names,date_of_birth,nationality\nKim,A,-1999,KP\n"), "The cell begins with “-”" },
        { "formula @", Utf8("family_name,given_names,date_of_birth,nationality\nKim,@SUM(A1),1999,KP\n"), "The cell begins with “@”" },
        { "formula after a space", Utf8("family_name,given_names,date_of_birth,nationality\n =HYPERLINK(A1),A,1999,KP\n"), "The cell begins with “=”: a spreadsheet could run it as a formula." },
        { "formula quoted", Utf8("family_name,given_names,date_of_birth,nationality\n\"=1+1\",A,1999,KP\n"), "The cell begins with “=”" },
        { "empty", [], "The file is empty" },
        { "header only", Utf8("family_name,given_names,date_of_birth,nationality\n"), "The file has a header but no rows of data." },
        { "open quote", Utf8("family_name,given_names,date_of_birth,nationality\n\"Kim,A,1999,KP\n"), "a quoted cell is never closed" },
        { "binary", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00], "NUL characters" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task MalformedFiles_AreRefusedWithAClearMessage_AndNothingIsSaved(string kind, byte[] file, string message)
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var before = await app.AsSystemAsync<PowRegistryDbContext, int>(db => db.Prisoners.IgnoreQueryFilters().CountAsync());

        var result = await UploadAsync(officer, file);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(message, result.Text, StringComparison.Ordinal);
        Assert.True(result.Text.Contains("Nothing was saved", StringComparison.Ordinal) || kind == "empty", kind);
        Assert.DoesNotContain(result.Document.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Import");
        Assert.Equal(before, await app.AsSystemAsync<PowRegistryDbContext, int>(db => db.Prisoners.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task HugeFiles_AreRefused_BySizeAndByRowCount()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var big = new StringBuilder("family_name,given_names,date_of_birth,nationality,notes\n");
        while (big.Length <= PrisonerImport.MaxBytes) big.Append("Kim,A,1999,KP,").Append('x', 3000).Append('\n');
        var bySize = await UploadAsync(officer, Utf8(big.ToString()));
        Assert.Equal(HttpStatusCode.OK, bySize.Status);
        Assert.Contains($"The file is larger than {PrisonerImport.MaxBytes / 1024} KB", bySize.Text, StringComparison.Ordinal);

        var many = new StringBuilder("family_name,given_names,date_of_birth,nationality\n");
        for (var i = 0; i <= PrisonerImport.MaxRows; i++) many.Append("Kim,A,1999,KP\n");
        var byRows = await UploadAsync(officer, Utf8(many.ToString()));
        Assert.Contains($"The file has more than {PrisonerImport.MaxRows} rows of data", byRows.Text, StringComparison.Ordinal);

        var longCell = await UploadAsync(officer, Utf8("family_name,given_names,date_of_birth,nationality\nKim," + new string('A', 6000) + ",1999,KP\n"));
        Assert.Contains("a cell is longer than 5000 characters", longCell.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicates_OnTheRegister_AndWithinTheFile_AreShown()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var tag = Tag();
        var existing = await app.AsSystemAsync<Core.Prisoners.PrisonerService, string>(async s =>
            (await s.CreateAsync(new Core.Prisoners.PrisonerInput { FamilyName = tag, GivenNames = "Yong Chol", DateOfBirth = "1999-05-01", Nationality = "KP", DeskId = Desk.DefaultDeskId, DuplicatesChecked = true },
                Core.Common.Actor.System, CancellationToken.None)).Value!.Reference);
        var file = Utf8($"{Header}\n{tag},Yong Chol,1999-05,KP,,\n{tag}x,Min,1990,KP,{tag}-7,\n{tag}x,Min,1990,KP,,\n{tag}y,B,1991,KP,{tag}-7,\n");

        var preview = await UploadAsync(officer, file);

        Assert.Contains(existing, preview.Document.QuerySelector("tr[data-row='2'] .row-duplicates")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Row 3 of this file — Similar name and date of birth", preview.Document.QuerySelector("tr[data-row='4'] .row-duplicates")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("service_number: Row 3 of this file has the same service number and nationality.", RowErrors(preview, 5), StringComparison.Ordinal);
        Assert.Contains("Importing registers them as different men", preview.Text, StringComparison.Ordinal);

        var result = await ConfirmAsync(officer, preview, skipInvalid: true);
        Assert.Contains("3 prisoners registered, 1 rows skipped.", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUpperCaseHeader_IsAccepted_AndTheSameServiceNumberWithAnotherNationality_IsAPossibleDuplicate()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var tag = Tag();
        var file = Utf8($"{Header.ToUpperInvariant()}\n{tag}p,Chol,1999,KP,{tag}-9,\n{tag}q,Min,1980,CN,{tag}-9,\n");

        var preview = await UploadAsync(officer, file);

        Assert.Contains("2 rows: 2 valid, 0 with errors.", preview.Text, StringComparison.Ordinal);
        Assert.Contains("Row 2 of this file — Same service number", preview.Document.QuerySelector("tr[data-row='3'] .row-duplicates")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Desks_AnOfficerImportsOnlyIntoHisDesks_AndOthersDoNotSeeTheRecords()
    {
        var deskA = await app.AsSystemAsync<DeskService, int>(async d => (await d.CreateAsync("Import A " + Guid.NewGuid().ToString("N")[..6], CancellationToken.None)).Value!.Id);
        var deskB = await app.AsSystemAsync<DeskService, int>(async d => (await d.CreateAsync("Import B " + Guid.NewGuid().ToString("N")[..6], CancellationToken.None)).Value!.Id);
        using var officerA = await app.LoginAsNewUserAsync(Roles.CaseOfficer, deskA);
        using var officerB = await app.LoginAsNewUserAsync(Roles.CaseOfficer, deskB);
        var tag = Tag();
        var file = Utf8($"{Header}\n{tag},A,1999,KP,,\n");

        var foreign = await UploadAsync(officerA, file, deskB);
        Assert.Contains("(desk): Choose one of your desks.", RowErrors(foreign, 2), StringComparison.Ordinal);
        Assert.Contains("Nothing was saved.", (await ConfirmAsync(officerA, foreign)).Text, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(tag));

        var own = await ConfirmAsync(officerA, await UploadAsync(officerA, file, deskA));
        Assert.Contains("1 prisoners registered", own.Text, StringComparison.Ordinal);
        Assert.Equal(deskA, await app.AsSystemAsync<PowRegistryDbContext, int>(db => db.Prisoners.Where(p => p.FamilyName == tag).Select(p => p.DeskId).SingleAsync()));
        Assert.Contains("No prisoner matches.", (await officerB.GetAsync($"/Prisoners?q={tag}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALargePreview_IsShownPageByPage_AndCanShowOnlyTheRowsWithProblems()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var tag = Tag();
        var file = new StringBuilder(Header + "\r\n");
        // Names that sound like no other (so no row is a possible duplicate); one row without its family name.
        for (var i = 0; i < ImportModel.RowsPerPage + 10; i++) file.Append(i == ImportModel.RowsPerPage + 5 ? $",Chol,1999,KP,{tag}-{i},Good\r\n" : $"{Tag()},Chol,1999,KP,{tag}-{i},Good\r\n");

        var first = await UploadAsync(officer, Utf8(file.ToString()));
        Assert.Equal(ImportModel.RowsPerPage, first.Document.QuerySelectorAll("table.import-rows tbody tr").Length);
        var next = first.Document.QuerySelector("#import-pager a[rel=next]")!.GetAttribute("href")!;

        var second = await officer.GetAsync(next);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        var rows = second.Document.QuerySelectorAll("table.import-rows tbody tr");
        Assert.Equal(10, rows.Length);
        Assert.Equal((ImportModel.RowsPerPage + 2).ToString(System.Globalization.CultureInfo.InvariantCulture), rows[0].GetAttribute("data-row"));

        var problems = await officer.GetAsync(first.Document.QuerySelector("#import-pager a[href*='ProblemsOnly=true']")!.GetAttribute("href")!);
        var invalid = Assert.Single(problems.Document.QuerySelectorAll("table.import-rows tbody tr"));
        Assert.Equal("invalid", invalid.ClassName);
    }

    [Fact]
    public async Task PagingAPreview_ShowsTheRowsAsChecked_WithoutCheckingTheFileAgain_AndConfirmingStillChecks()
    {
        var (userId, email) = await app.CreateUserAsync(Roles.CaseOfficer);
        using var officer = await app.LoginAsync(email, PowRegistryFactory.OfficerPassword);
        var tag = Tag();
        var preview = await UploadAsync(officer, Utf8($"{Header}\n{tag}first,A,1999-05-01,KP,,\n{tag}second,B,1998,KP,{tag}-SN,\n"));
        Assert.Contains("2 rows: 2 valid, 0 with errors.", preview.Text, StringComparison.Ordinal);

        // After the upload another record takes row 3's service number: checking the file again would refuse row 3.
        await app.AsSystemAsync<Core.Prisoners.PrisonerService, bool>(async s =>
            (await s.CreateAsync(new Core.Prisoners.PrisonerInput { FamilyName = "Other" + tag, Nationality = "KP", ServiceNumber = tag + "-SN", DeskId = Desk.DefaultDeskId, DuplicatesChecked = true },
                Core.Common.Actor.System, CancellationToken.None)).Succeeded);

        // Paging shows the rows as they were checked at upload: the file was not checked again.
        var page = await officer.GetAsync("/Prisoners/Import?handler=Preview");
        Assert.Contains("2 rows: 2 valid, 0 with errors.", page.Text, StringComparison.Ordinal);
        Assert.Equal("", RowErrors(page, 3));

        // Where this instance no longer holds the checked rows (another instance, or forgotten), the stored file is checked again.
        app.Services.GetRequiredService<CheckedPreviews>().Forget(userId);
        var again = await officer.GetAsync("/Prisoners/Import?handler=Preview");
        Assert.Contains("already has this service number", RowErrors(again, 3), StringComparison.Ordinal);

        // Confirming checks the file again, whatever a page showed.
        var result = await ConfirmAsync(officer, page);
        Assert.Contains("Nothing was saved.", result.Text, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(tag + "first"));
    }

    [Fact]
    public async Task APreviewBelongsToItsUser_AndTamperedIdsSaveNothing()
    {
        using var first = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        using var second = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var tag = Tag();
        var preview = await UploadAsync(first, Utf8($"{Header}\n{tag},A,1999,KP,,\n"));
        var previewId = preview.Document.QuerySelector("input[name=PreviewId]")!.GetAttribute("value")!;
        var page = await second.GetAsync("/Prisoners/Import");

        foreach (var id in new[] { previewId, "", "zz", new string('0', 32), "<script>", new string('A', 5000) })
        {
            var stolen = await second.PostRawAsync(page, "/Prisoners/Import?handler=Import", [new("PreviewId", id), new("SkipInvalid", "true")]);
            Assert.Equal(HttpStatusCode.OK, stolen.Status);
            Assert.Contains("This preview has expired or was not yours", stolen.Text, StringComparison.Ordinal);
        }
        Assert.Equal(0, await CountAsync(tag));
    }

    [Fact]
    public async Task ANewUpload_ReplacesTheUsersEarlierPreview_SoUploadsCannotPileUpInMemory()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var tag = Tag();
        var first = await UploadAsync(officer, Utf8($"{Header}\n{tag}first,A,1999,KP,,\n"));
        var second = await UploadAsync(officer, Utf8($"{Header}\n{tag}second,A,1999,KP,,\n"));

        Assert.Contains("This preview has expired or was not yours", (await ConfirmAsync(officer, first)).Text, StringComparison.Ordinal);
        Assert.Contains("1 prisoners registered", (await ConfirmAsync(officer, second)).Text, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(tag));
        Assert.Equal(1, await CountAsync(tag + "second"));
    }

    [Fact]
    public async Task Auditors_CannotImport_AndNoFileIsAClearMessage()
    {
        using var auditor = await app.LoginAsNewUserAsync(Roles.Auditor);
        var denied = await auditor.GetAsync("/Prisoners/Import");
        Assert.Contains("/Account/AccessDenied", denied.Url, StringComparison.Ordinal);

        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var page = await officer.GetAsync("/Prisoners/Import");
        var none = await officer.SubmitAsync(page, "Preview");
        Assert.Equal(HttpStatusCode.OK, none.Status);
        Assert.Contains("Choose a CSV file to upload.", none.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandLine_ImportsIntoTheNamedDesk_AndRefusesABadFile()
    {
        var tag = Tag();
        var deskName = "Cli " + tag;
        var deskId = await app.AsSystemAsync<DeskService, int>(async d => (await d.CreateAsync(deskName, CancellationToken.None)).Value!.Id);
        var good = Path.Combine(app.Folder, tag + "-good.csv");
        await File.WriteAllTextAsync(good, $"{Header}\n{tag}a,A,1999,KP,,\n{tag}b,B,1998,KP,,\n");
        var bad = Path.Combine(app.Folder, tag + "-bad.csv");
        await File.WriteAllTextAsync(bad, $"{Header}\n{tag}c,A,1999,KP,,\n{tag}d,B,2999,KP,,\n");

        var (usage, usageOutput) = await AppProcess.RunAsync(AppProcess.EnvironmentFor(app), "import", good);
        Assert.Equal(2, usage);
        Assert.Contains("Usage: import FILE --desk NAME", usageOutput, StringComparison.Ordinal);

        var (refused, refusedOutput) = await AppProcess.RunAsync(AppProcess.EnvironmentFor(app), "import", bad, "--desk", deskName);
        Assert.Equal(1, refused);
        Assert.Contains("Row 3, date_of_birth: The date of birth cannot be in the future.", refusedOutput, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved.", refusedOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(tag + "c", refusedOutput, StringComparison.Ordinal); // no names on the console

        var (dry, dryOutput) = await AppProcess.RunAsync(AppProcess.EnvironmentFor(app), "import", good, "--desk", deskName, "--dry-run");
        Assert.Equal(0, dry);
        Assert.Contains("Dry run: 2 valid rows, 0 with errors. Nothing was saved.", dryOutput, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(tag));

        var (exit, output) = await AppProcess.RunAsync(AppProcess.EnvironmentFor(app), "import", good, "--desk", deskName);
        Assert.Equal(0, exit);
        Assert.Contains("2 prisoners registered, 0 rows skipped.", output, StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync(tag));
        Assert.Equal(2, await app.AsSystemAsync<PowRegistryDbContext, int>(db => db.Prisoners.CountAsync(p => p.FamilyName!.StartsWith(tag) && p.DeskId == deskId)));

        var (skipped, skippedOutput) = await AppProcess.RunAsync(AppProcess.EnvironmentFor(app), "import", bad, "--desk", deskName, "--skip-invalid");
        Assert.Equal(0, skipped);
        Assert.Contains("1 prisoners registered, 1 rows skipped.", skippedOutput, StringComparison.Ordinal);
        Assert.Equal(3, await CountAsync(tag));
    }
}
