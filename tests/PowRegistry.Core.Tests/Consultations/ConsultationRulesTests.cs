using System.Text;

using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Core.Data;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Requests;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Tests.Consultations;

/// <summary>Need-to-know on consultations, the requests they concern, who may own an action item, and attached documents.</summary>
public sealed class ConsultationRulesTests(ConsultationRulesTests.Data app) : IClassFixture<ConsultationRulesTests.Data>
{
    public sealed class Data : TestServices
    {
        public int DeskA { get; private set; }
        public int DeskB { get; private set; }
        public int Counterpart { get; private set; }
        public Prisoner InA { get; private set; } = null!;
        public Prisoner InB { get; private set; } = null!;
        public TransferRequest RequestInA { get; private set; } = null!;
        public TransferRequest RequestInB { get; private set; } = null!;
        public Consultation OfA { get; private set; } = null!;
        public Consultation OfB { get; private set; } = null!;

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
            Counterpart = (await Run<ConsultationService, ServiceResult<Counterpart>>(c => c.AddCounterpartAsync("Ministry of Foreign Affairs of Ukraine", CounterpartKind.Ministry, "UA", CancellationToken.None))).Value!.Id;
            InA = await PrisonerAsync(DeskA);
            InB = await PrisonerAsync(DeskB);
            RequestInA = await RequestAsync(InA);
            RequestInB = await RequestAsync(InB);
            OfA = (await Run<ConsultationService, ServiceResult<Consultation>>(c => c.CreateAsync(Input(DeskA), Officer, CancellationToken.None))).Value!;
            OfB = (await Run<ConsultationService, ServiceResult<Consultation>>(c => c.CreateAsync(Input(DeskB, prisoners: InB.Reference), Officer, CancellationToken.None))).Value!;
        }

        public ConsultationInput Input(int? desk, string? prisoners = null, string? requests = null) => new()
        {
            Title = "Talks",
            Channel = ConsultationChannel.Call,
            Date = "2025-05-20",
            CounterpartIds = [Counterpart],
            DeskId = desk,
            PrisonerReferences = prisoners,
            RequestNumbers = requests,
        };

        private async Task<Prisoner> PrisonerAsync(int desk) =>
            (await Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput { FamilyName = "Rule" + Guid.NewGuid().ToString("N")[..6], DeskId = desk, DuplicatesChecked = true }, Officer, CancellationToken.None))).Value!;

        private async Task<TransferRequest> RequestAsync(Prisoner prisoner)
        {
            var wish = (await Run<WishService, ServiceResult<WishDeclaration>>(w => w.RecordAsync(prisoner.Id, new WishInput
            {
                TakenOn = "2025-05-20",
                Interviewer = "ICRC delegate",
                Organisation = InterviewerOrganisation.Icrc,
                PrivateInterview = true,
                Destination = WishDestination.TransferToThirdState,
                DestinationState = "KR",
                Certainty = 90,
                Verification = WishVerification.VerifiedByNeutralParty,
            }, Officer, CancellationToken.None))).Value!;
            return (await Run<RequestService, ServiceResult<TransferRequest>>(r => r.CreateAsync(prisoner.Id, new RequestInput { DestinationState = "KR", WishId = wish.Id }, Officer, CancellationToken.None))).Value!;
        }
    }

    private AsyncServiceScope OfficerOfA() => app.ScopeAs("officer-a", deskIds: app.DeskA);

    [Fact]
    public async Task AnOfficer_NeverSeesAnotherDesksConsultation()
    {
        await using var scope = OfficerOfA();
        var service = scope.ServiceProvider.GetRequiredService<ConsultationService>();
        var ct = CancellationToken.None;
        Assert.NotNull(await service.GetAsync(app.OfA.Id, ct));
        Assert.Null(await service.GetAsync(app.OfB.Id, ct));
        Assert.DoesNotContain(await service.ListAsync(new ConsultationFilter(), ct), c => c.Id == app.OfB.Id);
        Assert.Null(await service.DocumentsAsync(app.OfB.Id, ct));
        Assert.True((await service.ChangeStatusAsync(app.OfB.Id, ConsultationStatus.Held, new Actor("officer-a"), ct)).IsNotFound);
        Assert.True((await service.AddActionItemAsync(app.OfB.Id, "x", "officer-a", "2025-06-10", new Actor("officer-a"), ct)).IsNotFound);
        await using var pdf = new MemoryStream("%PDF-1.7 test"u8.ToArray());
        Assert.True((await service.AddDocumentAsync(app.OfB.Id, "note.pdf", pdf.Length, pdf, new Actor("officer-a"), ct)).IsNotFound);
    }

    [Fact]
    public async Task AnOfficer_RecordsForHisOwnDeskOnly_AndNamesOnlyRecordsAndRequestsHeCanSee()
    {
        await using var scope = OfficerOfA();
        var service = scope.ServiceProvider.GetRequiredService<ConsultationService>();
        var officer = new Actor("officer-a");
        var ct = CancellationToken.None;

        var mine = await service.CreateAsync(app.Input(desk: null), officer, ct); // one desk: it is chosen for him
        Assert.Equal(app.DeskA, mine.Value!.DeskId);
        Assert.Contains((await service.CreateAsync(app.Input(app.DeskB), officer, ct)).Errors, e => e.Message.Key == "ConsultationInput.DeskId.NotYours");
        Assert.Contains((await service.CreateAsync(app.Input(app.DeskA, prisoners: app.InB.Reference), officer, ct)).Errors, e => e.Message == new Message("ConsultationInput.PrisonerReferences.Unknown", app.InB.Reference));
        Assert.Contains((await service.CreateAsync(app.Input(app.DeskA, requests: app.RequestInB.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), officer, ct)).Errors,
            e => e.Message == new Message("ConsultationInput.RequestNumbers.Unknown", app.RequestInB.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains((await service.CreateAsync(app.Input(app.DeskA, requests: "twelve"), officer, ct)).Errors, e => e.Message.Key == "ConsultationInput.RequestNumbers.Invalid");
    }

    [Fact]
    public async Task AConsultationAboutARequest_ConcernsItsPrisonerToo_AndIsListedOnBoth()
    {
        var created = await app.Run<ConsultationService, ServiceResult<Consultation>>(c => c.CreateAsync(app.Input(app.DeskA, requests: $"#{app.RequestInA.Id}"), TestServices.Officer, CancellationToken.None));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        Assert.Equal([app.RequestInA.Id], created.Value!.RequestIds);
        Assert.Equal([app.InA.Id], created.Value.PrisonerIds);
        Assert.False(created.Value.IsGeneral);
        Assert.Contains(await app.Run<ConsultationService, IReadOnlyList<Consultation>>(c => c.ConcerningRequestAsync(app.RequestInA.Id, CancellationToken.None)), c => c.Id == created.Value.Id);
        Assert.Contains(await app.Run<ConsultationService, IReadOnlyList<Consultation>>(c => c.ConcerningAsync(app.InA.Id, CancellationToken.None)), c => c.Id == created.Value.Id);
    }

    [Fact]
    public async Task AnActionItem_GoesOnlyToSomeoneWhoCanSeeTheConsultation()
    {
        var refused = await app.Run<ConsultationService, ServiceResult<ActionItem>>(c => c.AddActionItemAsync(app.OfA.Id, "Reply", "officer-b", "2025-06-10", TestServices.Officer, CancellationToken.None));
        Assert.Contains(refused.Errors, e => e.Field == "Owner");
        var given = await app.Run<ConsultationService, ServiceResult<ActionItem>>(c => c.AddActionItemAsync(app.OfA.Id, "Reply", "officer-a", "2025-06-10", TestServices.Officer, CancellationToken.None));
        Assert.True(given.Succeeded);
        var owners = await app.Run<ConsultationService, IReadOnlyList<(string Id, string Name)>>(c => c.PossibleOwnersAsync(app.DeskA, CancellationToken.None));
        Assert.Contains(owners, o => o.Id == "officer-a");
        Assert.DoesNotContain(owners, o => o.Id == "officer-b");
    }

    public static TheoryData<string, byte[], string?> Files => new()
    {
        { "note.pdf", "%PDF-1.7\n..."u8.ToArray(), "application/pdf" },
        { "scan.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "image/png" },
        { "photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0], "image/jpeg" },
        { "minutes.docx", Word(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "minutes.odt", OpenDocumentText(), "application/vnd.oasis.opendocument.text" },
        { "minutes.docx", [0x50, 0x4B, 0x03, 0x04, 0, 0], null },       // a zip header and nothing behind it
        { "plain.zip.docx", Zip(("setup.exe", "MZ")), null },             // a zip holding only a program, renamed
        { "minutes.docx", Zip(("[Content_Types].xml", "<Types/>"), ("_rels/.rels", "<Relationships/>"), ("word/document.xml", "<w:document/>")), null }, // no Word main part declared
        { "minutes.docx", Word(("word/vbaProject.bin", "macro")), null }, // macros ride along
        { "minutes.docx", Word(("word/embeddings/run.exe", "MZ")), null }, // a program rides along
        { "minutes.odt", Word(), null },                                    // a Word document named as OpenDocument
        { "minutes.docx", OpenDocumentText(), null },                       // and the other way round
        { "minutes.odt", Zip(("mimetype", "application/zip"), ("content.xml", "<x/>"), ("META-INF/manifest.xml", "<m/>")), null },
        { "notes.txt", Encoding.UTF8.GetBytes("Minutes — 회의록 — протокол"), "text/plain; charset=utf-8" },
        { "setup.pdf", [(byte)'M', (byte)'Z', 0x90, 0], null },         // an executable named as a PDF
        { "run.bat", "%PDF-1.7\r\ncalc.exe\r\n"u8.ToArray(), null },     // a PDF header in front of a script, named to run
        { "page.html", "%PDF-1.7 <script>alert(1)</script>"u8.ToArray(), null },
        { "scan.svg", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], null },
        { "photo.hta", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0], null },
        { "photo.JPEG", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0], "image/jpeg" },
        { "archive.zip", [0x50, 0x4B, 0x03, 0x04, 0, 0], null },       // a zip that is not an office document
        { "page.html", "<script>alert(1)</script>"u8.ToArray(), null },
        { "notes.txt", [0x66, 0x6F, 0xFF, 0xFE], null },               // not UTF-8 text
        { "binary.txt", [0x66, 0x00, 0x6F], null },                    // NUL bytes: not text
    };

    private static byte[] Zip(params (string Name, string Content)[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The smallest package Word itself opens: content types, package relationships, the main part.</summary>
    private static byte[] Word(params (string Name, string Content)[] extra) => Zip([
        ("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""),
        ("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""),
        ("word/document.xml", """<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Minutes</w:t></w:r></w:p></w:body></w:document>"""),
        .. extra,
    ]);

    private static byte[] OpenDocumentText() => Zip(
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", """<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>"""),
        ("META-INF/manifest.xml", """<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>"""));

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Documents_AreAcceptedByTheirContent_NotTheirName(string name, byte[] content, string? expectedType)
    {
        await using var stream = new MemoryStream(content);
        var result = await app.Run<ConsultationService, ServiceResult<DocumentInfo>>(c => c.AddDocumentAsync(app.OfA.Id, name, content.Length, stream, TestServices.Officer, CancellationToken.None));
        if (expectedType is null)
        {
            Assert.Contains(result.Errors, e => e.Message.Key == "ConsultationDocument.TypeRefused");
            return;
        }
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal(expectedType, result.Value!.ContentType);
        var stored = await app.Run<ConsultationService, ConsultationDocument?>(c => c.DocumentAsync(app.OfA.Id, result.Value.Id, CancellationToken.None));
        Assert.Equal(content, stored!.Content);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), stored.Sha256);
    }

    [Fact]
    public async Task ADocument_OverTheLimit_IsRefused_EvenWhenItsDeclaredLengthLies()
    {
        var limit = new ConsultationOptions().MaxDocumentBytes;
        var big = new byte[limit + 1];
        "%PDF-"u8.CopyTo(big);
        await using var honest = new MemoryStream(big);
        var refused = await app.Run<ConsultationService, ServiceResult<DocumentInfo>>(c => c.AddDocumentAsync(app.OfA.Id, "big.pdf", big.Length, honest, TestServices.Officer, CancellationToken.None));
        Assert.Contains(refused.Errors, e => e.Message == new Message("ConsultationDocument.TooLarge", 10));
        await using var lying = new MemoryStream(big);
        var alsoRefused = await app.Run<ConsultationService, ServiceResult<DocumentInfo>>(c => c.AddDocumentAsync(app.OfA.Id, "big.pdf", 100, lying, TestServices.Officer, CancellationToken.None));
        Assert.Contains(alsoRefused.Errors, e => e.Message == new Message("ConsultationDocument.TooLarge", 10));
        var empty = await app.Run<ConsultationService, ServiceResult<DocumentInfo>>(c => c.AddDocumentAsync(app.OfA.Id, "empty.pdf", 0, new MemoryStream(), TestServices.Officer, CancellationToken.None));
        Assert.Contains(empty.Errors, e => e.Message.Key == "ConsultationDocument.Required");
    }

    [Fact]
    public async Task ADocumentsName_IsReducedToAFileName()
    {
        await using var stream = new MemoryStream("%PDF-1.7"u8.ToArray());
        var result = await app.Run<ConsultationService, ServiceResult<DocumentInfo>>(c => c.AddDocumentAsync(app.OfA.Id, "..\\..\\windows\\evil.pdf", stream.Length, stream, TestServices.Officer, CancellationToken.None));
        Assert.Equal("evil.pdf", result.Value!.FileName);
    }

    [Fact]
    public async Task AnEdit_RecordsTheOutcome_KeepsWhatTheEditorCannotSee_AndRefusesAStalePage()
    {
        var created = (await app.Run<ConsultationService, ServiceResult<Consultation>>(c =>
            c.CreateAsync(app.Input(app.DeskA, prisoners: $"{app.InA.Reference} {app.InB.Reference}"), TestServices.Officer, CancellationToken.None))).Value!;
        await using (var scope = OfficerOfA())
        {
            var service = scope.ServiceProvider.GetRequiredService<ConsultationService>();
            var loaded = (await service.GetAsync(created.Id, CancellationToken.None))!;
            var visible = (await service.VisiblePrisonersAsync(loaded, CancellationToken.None)).Select(p => p.Reference).ToList();
            Assert.Equal([app.InA.Reference], visible); // the record on desk B is not shown to him

            var form = ConsultationInput.From(loaded, visible);
            form.Outcome = "Ukraine agreed to the interviews.";
            form.NextStep = "Send the list.";
            var updated = await service.UpdateAsync(created.Id, form, new Actor("officer-a"), CancellationToken.None);
            Assert.True(updated.Succeeded, string.Join("; ", updated.Errors.Select(e => e.Message)));

            var stale = await service.UpdateAsync(created.Id, form, new Actor("officer-a"), CancellationToken.None); // same version again
            Assert.Contains(stale.Errors, e => e.Kind == RefusalKind.Conflict && e.Message.Key == "Consultation.Stale");
            Assert.Equal(loaded.Version + 1, stale.CurrentVersion);
        }
        var stored = (await app.Run<ConsultationService, Consultation?>(c => c.GetAsync(created.Id, CancellationToken.None)))!;
        Assert.Equal("Ukraine agreed to the interviews.", stored.Outcome);
        Assert.Equal(new[] { app.InA.Id, app.InB.Id }.Order(), stored.PrisonerIds.Order()); // desk B's record was kept
        Assert.Equal(app.DeskA, stored.DeskId);
    }

    [Fact]
    public async Task AMoveToAnotherDesk_OrAnUnknownCounterpart_IsRefused_NotIgnored()
    {
        var created = (await app.Run<ConsultationService, ServiceResult<Consultation>>(c =>
            c.CreateAsync(app.Input(app.DeskA, prisoners: app.InA.Reference), TestServices.Officer, CancellationToken.None))).Value!;
        var loaded = (await app.Run<ConsultationService, Consultation?>(c => c.GetAsync(created.Id, CancellationToken.None)))!;

        var moved = ConsultationInput.From(loaded, [app.InA.Reference]);
        moved.DeskId = app.DeskB;
        moved.Outcome = "Should not be saved";
        var refused = await app.Run<ConsultationService, ServiceResult<Consultation>>(c => c.UpdateAsync(created.Id, moved, TestServices.Officer, CancellationToken.None));
        Assert.Contains(refused.Errors, e => e.Field == nameof(ConsultationInput.DeskId) && e.Message.Key == "ConsultationInput.DeskId.CannotMove");

        var withUnknown = ConsultationInput.From(loaded, [app.InA.Reference]);
        withUnknown.CounterpartIds = [app.Counterpart, 999_999];
        withUnknown.Outcome = "Should not be saved";
        refused = await app.Run<ConsultationService, ServiceResult<Consultation>>(c => c.UpdateAsync(created.Id, withUnknown, TestServices.Officer, CancellationToken.None));
        Assert.Contains(refused.Errors, e => e.Field == nameof(ConsultationInput.CounterpartIds));
        var input = app.Input(app.DeskA);
        input.CounterpartIds = [app.Counterpart, 999_999];
        refused = await app.Run<ConsultationService, ServiceResult<Consultation>>(c => c.CreateAsync(input, TestServices.Officer, CancellationToken.None));
        Assert.Contains(refused.Errors, e => e.Field == nameof(ConsultationInput.CounterpartIds));

        var stored = (await app.Run<ConsultationService, Consultation?>(c => c.GetAsync(created.Id, CancellationToken.None)))!;
        Assert.Equal(app.DeskA, stored.DeskId);
        Assert.Null(stored.Outcome);
        Assert.Equal(loaded.Version, stored.Version);
    }

    [Fact]
    public async Task AnEdit_OfAnotherDesksConsultation_IsNotFound()
    {
        await using var scope = OfficerOfA();
        var result = await scope.ServiceProvider.GetRequiredService<ConsultationService>().UpdateAsync(app.OfB.Id, app.Input(app.DeskB), new Actor("officer-a"), CancellationToken.None);
        Assert.True(result.IsNotFound);
    }
}

/// <summary>The stalled rule, on its own clock.</summary>
public sealed class StalledConsultationTests(TestServices app) : IClassFixture<TestServices>
{
    [Fact]
    public async Task QuietForTheConfiguredDays_IsStalled_UntilSomethingHappens_AndFinishedOnesNeverAre()
    {
        var counterpart = (await app.Run<ConsultationService, ServiceResult<Counterpart>>(c => c.AddCounterpartAsync("ICRC", CounterpartKind.Icrc, null, CancellationToken.None))).Value!;
        async Task<Consultation> CreateAsync(ConsultationStatus status)
        {
            var created = (await app.Run<ConsultationService, ServiceResult<Consultation>>(c => c.CreateAsync(new ConsultationInput
            {
                Title = status.ToString(),
                Channel = ConsultationChannel.Letter,
                Date = "2025-06-01",
                CounterpartIds = [counterpart.Id],
                DeskId = Desk.DefaultDeskId,
            }, TestServices.Officer, CancellationToken.None))).Value!;
            return (await app.Run<ConsultationService, ServiceResult<Consultation>>(c => c.ChangeStatusAsync(created.Id, status, TestServices.Officer, CancellationToken.None))).Value!;
        }
        var held = await CreateAsync(ConsultationStatus.Held);
        var closed = await CreateAsync(ConsultationStatus.Closed);
        var marked = await CreateAsync(ConsultationStatus.Stalled);
        async Task<IEnumerable<int>> StalledAsync() =>
            (await app.Run<ConsultationService, IReadOnlyList<Consultation>>(c => c.ListAsync(new ConsultationFilter { Stalled = true }, CancellationToken.None))).Select(c => c.Id).Order();

        Assert.Equal([marked.Id], await StalledAsync()); // marked so: stalled at once

        app.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal([marked.Id], await StalledAsync());
        app.Clock.Advance(TimeSpan.FromDays(1)); // 30 days quiet
        Assert.Equal(new[] { held.Id, marked.Id }.Order(), await StalledAsync());
        Assert.DoesNotContain(closed.Id, await StalledAsync());

        await using var pdf = new MemoryStream("%PDF-1.7"u8.ToArray());
        await app.Run<ConsultationService, ServiceResult<DocumentInfo>>(c => c.AddDocumentAsync(held.Id, "reply.pdf", pdf.Length, pdf, TestServices.Officer, CancellationToken.None));
        Assert.Equal([marked.Id], await StalledAsync()); // a document is activity
        var reloaded = await app.Run<ConsultationService, Consultation?>(c => c.GetAsync(held.Id, CancellationToken.None));
        Assert.False(reloaded!.IsStalled(app.Clock.GetUtcNow(), 30));
    }
}
