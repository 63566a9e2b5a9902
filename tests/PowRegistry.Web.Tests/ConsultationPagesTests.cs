using System.Net;

using PowRegistry.Core.Accounts;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

public sealed class ConsultationPagesTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    private static Dictionary<string, string?> Fields(params (string Key, string? Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    [Fact]
    public async Task AConsultationAboutTwoPrisoners_WithAnOverdueItemForAColleague()
    {
        using var admin = await app.LoginAsAdminAsync();
        var counterparts = await admin.GetAsync("/Admin/Counterparts");
        var added = await admin.SubmitAsync(counterparts, "Add counterpart", Fields(("Name", "Ministry of Foreign Affairs of Ukraine"), ("Kind", "1"), ("Country", "UA")));
        Assert.Contains("Counterpart “Ministry of Foreign Affairs of Ukraine” added.", added.Text, StringComparison.Ordinal);

        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var references = new List<string>();
        var ids = new List<string>();
        foreach (var name in new[] { "Consultone", "Consulttwo" })
        {
            var form = await officer.GetAsync("/Prisoners/Create");
            var details = await officer.ConfirmIfDuplicateWarningAsync(await officer.SubmitAsync(form, "Register", Fields(("Family name", name))), "Register");
            references.Add(System.Text.RegularExpressions.Regex.Match(details.Text, @"POW-\d{4}-\d{6}").Value);
            ids.Add(new Uri(details.Url).Segments[^1]);
        }

        var create = await officer.GetAsync("/Consultations/Create");
        var counterpartId = create.Document.QuerySelector("input[name='Form.CounterpartIds']")!.GetAttribute("value");
        var noCounterpart = await officer.SubmitAsync(create, "Record consultation", Fields(("Title", "Transfers to Korea"), ("Channel", "1"), ("Date (planned or held)", "2025-05-20")));
        Assert.Contains("Choose at least one counterpart.", noCounterpart.Text, StringComparison.Ordinal);
        var consultation = await officer.SubmitAsync(noCounterpart, "Record consultation", Fields(
            ("Title", "Transfers to Korea"), ("Channel", "1"), ("Date (planned or held)", "2025-05-20"), ("Form.CounterpartIds", counterpartId),
            ("Prisoners concerned (references)", string.Join(", ", references))));
        Assert.Contains("Consultation recorded.", consultation.Text, StringComparison.Ordinal);

        using var colleague = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var held = await officer.SubmitAsync(consultation, "Change status", Fields(("New status", "3")));
        Assert.Equal("Follow-up pending", held.Document.QuerySelector("#consultation-status")!.TextContent);

        var options = held.Document.QuerySelectorAll("select[name=owner] option").Where(o => o.TextContent.StartsWith("CaseOfficer test user", StringComparison.Ordinal)).Select(o => o.GetAttribute("value")).ToList();
        // Give the item to every test officer listed, so the colleague surely has it (display names are alike in tests).
        foreach (var owner in options)
        {
            held = await officer.SubmitAsync(held, "Add action item", Fields(("What", "Send the prisoner list"), ("Owner", owner), ("Due date", "2025-01-15")));
        }
        Assert.Contains("overdue", held.Document.QuerySelector("table.action-items")!.TextContent, StringComparison.Ordinal);

        var home = await colleague.GetAsync("/");
        var items = home.Document.QuerySelector("ul.my-action-items")!.TextContent;
        Assert.Contains("Overdue", items, StringComparison.Ordinal);
        Assert.Contains("Send the prisoner list", items, StringComparison.Ordinal);

        var prisonerPage = await officer.GetAsync($"/Prisoners/{ids[1]}");
        Assert.Contains("Transfers to Korea", prisonerPage.Document.QuerySelector("ul.consultations")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<(Session Officer, Session.Result Consultation)> ConsultationAboutARequestAsync()
    {
        var counterpart = await app.AsSystemAsync<Core.Consultations.ConsultationService, Core.Common.ServiceResult<Core.Consultations.Counterpart>>(c =>
            c.AddCounterpartAsync("UNHCR " + Guid.NewGuid().ToString("N")[..6], Core.Consultations.CounterpartKind.Unhcr, null, CancellationToken.None));
        var prisoner = (await app.AsSystemAsync<Core.Prisoners.PrisonerService, Core.Common.ServiceResult<Core.Prisoners.Prisoner>>(s => s.CreateAsync(
            new Core.Prisoners.PrisonerInput { FamilyName = "Requested" + Guid.NewGuid().ToString("N")[..6], DeskId = Core.Desks.Desk.DefaultDeskId, DuplicatesChecked = true },
            Core.Common.Actor.System, CancellationToken.None))).Value!;
        var wish = (await app.AsSystemAsync<Core.Wishes.WishService, Core.Common.ServiceResult<Core.Wishes.WishDeclaration>>(w => w.RecordAsync(prisoner.Id, new Core.Wishes.WishInput
        {
            TakenOn = "2025-05-20",
            Interviewer = "ICRC delegate",
            Organisation = Core.Wishes.InterviewerOrganisation.Icrc,
            PrivateInterview = true,
            Destination = Core.Wishes.WishDestination.TransferToThirdState,
            DestinationState = "KR",
            Certainty = 90,
            Verification = Core.Wishes.WishVerification.VerifiedByNeutralParty,
        }, Core.Common.Actor.System, CancellationToken.None))).Value!;
        var request = (await app.AsSystemAsync<Core.Requests.RequestService, Core.Common.ServiceResult<Core.Requests.TransferRequest>>(r => r.CreateAsync(prisoner.Id,
            new Core.Requests.RequestInput { DestinationState = "KR", WishId = wish.Id }, Core.Common.Actor.System, CancellationToken.None))).Value!;

        var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var requestPage = await officer.GetAsync($"/Requests/{request.Id}");
        Assert.Contains("None recorded.", requestPage.Text, StringComparison.Ordinal);
        var create = await officer.GetAsync(requestPage.Document.QuerySelector("a[href^='/Consultations/Create?request=']")!.GetAttribute("href")!);
        Assert.Equal(request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), create.Document.QuerySelector("[name='Form.RequestNumbers']")!.GetAttribute("value"));
        var consultation = await officer.SubmitAsync(create, "Record consultation", Fields(
            ("Title", "Resettlement of one prisoner"), ("Channel", "2"), ("Date (planned or held)", "2025-05-21"), ("Form.CounterpartIds", counterpart.Value!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Contains("Consultation recorded.", consultation.Text, StringComparison.Ordinal);
        var concerns = consultation.Document.QuerySelector("#concerns")!.TextContent;
        Assert.Contains(prisoner.Reference, concerns, StringComparison.Ordinal); // the request's prisoner is concerned too
        Assert.Contains($"Request #{request.Id}", concerns, StringComparison.Ordinal);

        var listed = await officer.GetAsync($"/Requests/{request.Id}");
        Assert.Contains("Resettlement of one prisoner", listed.Document.QuerySelector("#request-consultations")!.TextContent, StringComparison.Ordinal);
        return (officer, consultation);
    }

    [Fact]
    public async Task AConsultationAboutARequest_IsListedOnTheRequestPage()
    {
        var (officer, _) = await ConsultationAboutARequestAsync();
        officer.Dispose();
    }

    [Fact]
    public async Task Documents_AreAttached_CheckedByContent_AndDownloadedAsFiles()
    {
        var (officer, consultation) = await ConsultationAboutARequestAsync();
        using var _ = officer;
        var action = new Uri(consultation.Url).AbsolutePath + "?handler=Document";

        var attached = await officer.UploadAsync(consultation, action, "document", "note-verbale.pdf", "%PDF-1.7 note verbale"u8.ToArray());
        Assert.Contains("Document attached.", attached.Text, StringComparison.Ordinal);
        var link = attached.Document.QuerySelector("#documents a")!;
        Assert.Equal("note-verbale.pdf", link.TextContent);

        var download = await officer.Client.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("%PDF-1.7 note verbale"u8.ToArray(), await download.Content.ReadAsByteArrayAsync());

        var disguised = await officer.UploadAsync(consultation, action, "document", "minutes.pdf", [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03]);
        Assert.Equal(HttpStatusCode.OK, disguised.Status);
        Assert.Contains("This kind of file is not accepted.", disguised.Text, StringComparison.Ordinal);
        // A zip holding only a program, renamed as a Word document, is judged by what it holds, not by its name.
        using (var zipped = new MemoryStream())
        {
            using (var zip = new System.IO.Compression.ZipArchive(zipped, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            {
                await using var program = zip.CreateEntry("setup.exe").Open();
                await program.WriteAsync(new byte[] { (byte)'M', (byte)'Z', 0x90, 0x00 });
            }
            var renamedZip = await officer.UploadAsync(consultation, action, "document", "plain.zip.docx", zipped.ToArray());
            Assert.Equal(HttpStatusCode.OK, renamedZip.Status);
            Assert.Contains("This kind of file is not accepted.", renamedZip.Text, StringComparison.Ordinal);
        }
        var none = await officer.PostRawAsync(consultation, action, []);
        Assert.Contains("Choose a file to attach.", none.Text, StringComparison.Ordinal);

        var tooLarge = new byte[11 * 1024 * 1024];
        "%PDF-"u8.CopyTo(tooLarge);
        var refused = await officer.UploadAsync(consultation, action, "document", "large.pdf", tooLarge);
        Assert.Contains("The file is too large: the limit is 10 MB.", refused.Text, StringComparison.Ordinal);
        // (Beyond Kestrel's 30 MB request limit the server answers 413 before the page runs: see KestrelLimitTests.)

        var after = await officer.GetAsync(consultation.Url);
        Assert.Single(after.Document.QuerySelectorAll("#documents tbody tr"));

        // An officer of another desk gets "not found" for the consultation and its document alike.
        var otherDesk = (await app.AsSystemAsync<Core.Desks.DeskService, Core.Common.ServiceResult<Core.Desks.Desk>>(d => d.CreateAsync("Other " + Guid.NewGuid().ToString("N")[..6], CancellationToken.None))).Value!.Id;
        using var outsider = await app.LoginAsNewUserAsync(Roles.CaseOfficer, otherDesk);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync(consultation.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync(link.GetAttribute("href"))).StatusCode);
    }

    [Fact]
    public async Task AfterTheMeeting_TheOfficerRecordsTheOutcome_AndAStalePageIsRefused()
    {
        var (officer, consultation) = await ConsultationAboutARequestAsync();
        using var _ = officer;
        var editUrl = consultation.Document.QuerySelector("a[href$='/Edit']")!.GetAttribute("href")!;
        var first = await officer.GetAsync(editUrl);
        var second = await officer.GetAsync(editUrl); // the same page open in a second tab
        Assert.Equal("Resettlement of one prisoner", first.Document.QuerySelector("[name='Form.Title']")!.GetAttribute("value"));

        var saved = await officer.SubmitAsync(first, "Save consultation", Fields(("Outcome", "UNHCR will interview him next week."), ("Next step", "Arrange the visit.")));
        Assert.Contains("Consultation updated.", saved.Text, StringComparison.Ordinal);
        Assert.Contains("UNHCR will interview him next week.", saved.Text, StringComparison.Ordinal);
        Assert.Contains("Request #", saved.Document.QuerySelector("#concerns")!.TextContent, StringComparison.Ordinal); // still concerns the request

        var stale = await officer.SubmitAsync(second, "Save consultation", Fields(("Outcome", "An older idea.")));
        Assert.Contains("Someone else changed this consultation since you opened it.", stale.Text, StringComparison.Ordinal);
        var after = await officer.GetAsync(consultation.Url);
        Assert.DoesNotContain("An older idea.", after.Text, StringComparison.Ordinal);

        var empty = await officer.SubmitAsync(await officer.GetAsync(editUrl), "Save consultation", Fields(("Title", " ")));
        Assert.Contains("Enter a title.", empty.Text, StringComparison.Ordinal);
        using var auditor = await app.LoginAsNewUserAsync(Roles.Auditor);
        Assert.Contains("/Account/AccessDenied", (await auditor.GetAsync(editUrl)).Url, StringComparison.Ordinal);
    }
}

