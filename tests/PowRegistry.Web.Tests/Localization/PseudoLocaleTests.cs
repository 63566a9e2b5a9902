using System.Globalization;

using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Notifications;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Requests;
using PowRegistry.Core.Wishes;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests.Localization;

/// <summary>
/// The proof that Core's messages are keys: the main pages, rendered in a pseudo-language made from the English
/// resources, show no English words of Core's (no message, refusal, label or enum value that bypassed the resources)
/// and no key without words. Each journey brings a page to where Core's messages show (a list, a record, a refusal).
/// </summary>
public sealed class PseudoLocaleTests(PseudoLocaleRegistryFactory app) : IClassFixture<PseudoLocaleRegistryFactory>
{
    private static string Day(int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Core's English words a reader could recognise: every resource value of two words or more.</summary>
    private static readonly IReadOnlyList<string> CoreEnglish =
        Resources.English.Values.Where(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2).Distinct().ToList();

    public static TheoryData<string> Journeys() => [.. JourneyList.Keys];

    private static readonly Dictionary<string, Func<PseudoLocaleTests, Session, Task<Session.Result>>> JourneyList = new(StringComparer.Ordinal)
    {
        ["the register"] = (_, s) => s.GetAsync("/Prisoners"),
        ["a prisoner's record"] = async (t, s) => await s.GetAsync($"/Prisoners/{(await t.ArrangeAsync()).PrisonerId}"),
        ["a request"] = async (t, s) => await s.GetAsync($"/Requests/{(await t.ArrangeAsync()).RequestId}"),
        ["the review"] = (_, s) => s.GetAsync("/Admin/Review"),
        ["a return stopped by its safeguards, after a refused move"] = async (t, s) =>
        {
            var id = await t.ArrangeReturnAsync();
            return await s.PostRawAsync(await s.GetAsync($"/Requests/{id}"), $"/Requests/{id}?handler=Move", [new("to", ((int)RequestStatus.Submitted).ToString(CultureInfo.InvariantCulture))]);
        },
        ["a request after a move its status does not allow"] = async (t, s) =>
        {
            var id = (await t.ArrangeAsync()).RequestId;
            return await s.PostRawAsync(await s.GetAsync($"/Requests/{id}"), $"/Requests/{id}?handler=Move", [new("to", ((int)RequestStatus.Accepted).ToString(CultureInfo.InvariantCulture))]);
        },
        ["a request flagged after a change of wish"] = async (t, s) => await s.GetAsync($"/Requests/{await t.ArrangeFlaggedAsync()}"),
        ["the requests flagged for review"] = async (t, s) =>
        {
            await t.ArrangeFlaggedAsync();
            return await s.GetAsync("/Requests?Flagged=true");
        },
        ["the registration form, posted with what cannot be"] = async (_, s) =>
            await s.PostRawAsync(await s.GetAsync("/Prisoners/Create"), "/Prisoners/Create",
                [new("Form.FamilyName", ""), new("Form.DateOfBirth", "17/04/1998"), new("Form.DateOfCapture", "2999-01-01"), new("Form.Nationality", "XX"), new("Form.Rank", new string('r', 300))]),
        ["an import whose rows are refused, and its column help"] = async (_, s) =>
            await ImportTests.UploadAsync(s, System.Text.Encoding.UTF8.GetBytes("family_name,given_names,nationality,date_of_capture,health_status,interpreter_needed,shoe_size\n=HYPERLINK(1),Il,KP,2025-01-10,Tired,maybe,42\n")),
        ["an import file the reader refuses"] = async (_, s) => await ImportTests.UploadAsync(s, System.Text.Encoding.UTF8.GetBytes("family_name,given_names\n\"open,Il\n")),
        ["a merge refused"] = async (t, s) =>
        {
            var id = (await t.ArrangeAsync()).PrisonerId;
            return await s.PostRawAsync(await s.GetAsync($"/Prisoners/{id}/Merge"), $"/Prisoners/{id}/Merge", [new("DuplicateReference", "POW-1999-999999"), new("Reason", "")]);
        },
        ["the wish form, posted empty"] = async (t, s) =>
        {
            var id = (await t.ArrangeAsync()).PrisonerId;
            return await s.PostRawAsync(await s.GetAsync($"/Prisoners/{id}/Wishes/Add"), $"/Prisoners/{id}/Wishes/Add", [new("Form.TakenOn", ""), new("Form.Interviewer", "")]);
        },
        ["the consultation form, posted invalid"] = async (_, s) => await s.PostRawAsync(await s.GetAsync("/Consultations/Create"), "/Consultations/Create",
            [new("Form.Title", ""), new("Form.Date", "soon"), new("Form.Classification", new string('x', 101)), new("Form.PrisonerReferences", "POW-1999-999999")]),
        ["a consultation's status change, refused"] = async (t, s) =>
        {
            var id = await t.ConsultationAsync();
            return Showing(await s.PostRawAsync(await s.GetAsync($"/Consultations/{id}"), $"/Consultations/{id}?handler=Status", [new("status", ((int)ConsultationStatus.Scheduled).ToString(CultureInfo.InvariantCulture))]),
                PseudoLocalizer.Pseudo("A consultation that is {0} cannot become {1}.").Replace("{0}", PseudoLocalizer.Pseudo("held"), StringComparison.Ordinal)
                    .Replace("{1}", PseudoLocalizer.Pseudo("scheduled"), StringComparison.Ordinal));
        },
        ["a consultation's document, refused"] = async (t, s) =>
        {
            var id = await t.ConsultationAsync();
            return Showing(await s.UploadAsync(await s.GetAsync($"/Consultations/{id}"), $"/Consultations/{id}?handler=Document", "document", "notes.exe", "MZ"u8.ToArray()),
                PseudoLocalizer.Pseudo("PDF, PNG, JPEG, Word (.docx), OpenDocument text (.odt) or plain text (.txt)"));
        },
        ["the users form, posted invalid"] = async (_, s) => Showing(await s.PostRawAsync(await s.GetAsync("/Admin/Users/Create"), "/Admin/Users/Create",
            [new("Form.Email", $"pseudo-{Guid.NewGuid():N}@powregistry.test"), new("Form.DisplayName", "Pseudo"), new("Form.Role", "CaseOfficer"), new("Form.Password", "short")]),
            PseudoLocalizer.Pseudo("Passwords must be at least {0} characters.").Replace("{0}", "12", StringComparison.Ordinal)),
        ["the users list"] = (_, s) => s.GetAsync("/Admin/Users"),
        ["sign-in security"] = (_, s) => s.GetAsync("/Admin/Security"),
        ["the notifications, with their kinds"] = async (t, s) =>
        {
            await t.ArrangeAsync();
            return await s.GetAsync("/Notifications");
        },
        ["a notification marked sent too early"] = async (t, s) =>
        {
            var id = await t.CaptureCardAsync();
            var form = await s.GetAsync($"/Notifications/Send?id={id}");
            return Showing(await s.PostRawAsync(form, $"/Notifications/Send?id={id}", [new("Form.SentOn", Day(-90)), new("Form.Channel", ((int)NotificationChannel.Post).ToString(CultureInfo.InvariantCulture))]),
                PseudoLocalizer.Pseudo("It cannot have been sent before the event it reports ({0:yyyy-MM-dd}).").Replace("{0:yyyy-MM-dd}", Day(-60), StringComparison.Ordinal));
        },
        ["the audit trail"] = async (t, s) =>
        {
            await t.ArrangeAsync();
            return await s.GetAsync("/Admin/Audit");
        },
        ["the audit trail's verification"] = async (_, s) => Showing(await s.GetAsync("/Admin/Audit/Verify"), PseudoLocalizer.Pseudo("The audit trail is intact: {0} entries verified.")[..20]),
    };

    /// <summary>The journey did reach the refusal it is about, in the pseudo-language.</summary>
    private static Session.Result Showing(Session.Result page, string pseudo)
    {
        Assert.Contains(pseudo, page.Text, StringComparison.Ordinal);
        return page;
    }

    /// <summary>
    /// The words on a page that did not pass through the resources: what is left of the main part once the pseudo-language
    /// (⟦…⟧), code-like text (column names, references) and the data the journeys arranged are taken away. Country
    /// names are data too: maintained lists in each language (ADR-023), English in the pseudo-language.
    /// </summary>
    private static List<string> WordsNotFromTheResources(Session.Result page)
    {
        var main = page.Document.QuerySelector("main")!;
        foreach (var code in main.QuerySelectorAll("code, kbd, .ref, input, textarea, select").ToList()) code.Remove();
        var text = System.Text.RegularExpressions.Regex.Replace(main.TextContent, "⟦[^⟧]*⟧", " ");
        text = System.Text.RegularExpressions.Regex.Replace(text, "[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}", " "); // account ids in the audit trail's values
        var data = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Pseudo", "Locale", "Visits", "Main", "desk", "UTC", "POW", "ICRC", "delegate", "Administrator", "admin", "powregistry", "test", "shoe", "size", "Tired", "maybe", "HYPERLINK", "open",
        };
        foreach (var country in PowRegistry.Core.Countries.CountryList.All) data.UnionWith(country.Name.Split([' ', ',', '(', ')', '-', '\''], StringSplitOptions.RemoveEmptyEntries));
        return System.Text.RegularExpressions.Regex.Matches(text, "[A-Za-z]{3,}").Select(m => m.Value)
            .Where(w => !data.Contains(w) && !w.StartsWith("Pseudo", StringComparison.Ordinal)
                        && !System.Text.RegularExpressions.Regex.IsMatch(w, "^[a-f]+$")) // the random suffixes the journeys give names
            .Distinct().ToList();
    }

    /// <summary>Issue 15: a page shows no text that is not in the resources (every word of the interface goes through them).</summary>
    [Theory]
    [MemberData(nameof(Journeys))]
    public async Task APage_ShowsNoTextOutsideTheResources_InThePseudoLanguage(string journey)
    {
        using var session = await LoginAsAdminAsync();
        var page = await JourneyList[journey](this, session);
        var words = WordsNotFromTheResources(page);
        Assert.True(words.Count == 0, $"{journey}: {string.Join(" ", words)}");
    }

    [Theory]
    [MemberData(nameof(Journeys))]
    public async Task APage_ShowsNoEnglishFromCore_InThePseudoLanguage(string journey)
    {
        using var session = await LoginAsAdminAsync();
        var page = await JourneyList[journey](this, session);
        var text = page.Document.Body!.TextContent + " " + string.Join(" ", page.Document.QuerySelectorAll("option, [aria-label], title").Select(e => e.TextContent + " " + e.GetAttribute("aria-label")));

        Assert.Contains("⟦", text, StringComparison.Ordinal); // the page did speak the pseudo-language
        Assert.DoesNotContain(PseudoLocalizer.Missing, text, StringComparison.Ordinal);
        Assert.DoesNotContain(CoreEnglish, english => text.Contains(english, StringComparison.Ordinal));
    }

    [Fact]
    public void ThePseudoLanguage_HidesEnglish_AndKeepsPlaceholders()
    {
        Assert.Equal("⟦Kéép thís úndér {0} cháráctérs.⟧", PseudoLocalizer.Pseudo("Keep this under {0} characters."));
    }

    /// <summary>The login form, whose button speaks the pseudo-language too.</summary>
    private async Task<Session> LoginAsAdminAsync()
    {
        var session = app.NewSession();
        var login = await session.GetAsync("/Account/Login");
        var home = await session.SubmitAsync(login, PseudoLocalizer.Pseudo("Log in"),
            new Dictionary<string, string?> { ["Form.Email"] = PowRegistryFactory.AdminEmail, ["Form.Password"] = PowRegistryFactory.AdminPassword });
        Assert.DoesNotContain("/Account/Login", home.Url, StringComparison.Ordinal);
        return session;
    }

    /// <summary>The arranged prisoner's capture card, owed since his capture 60 days ago.</summary>
    private async Task<int> CaptureCardAsync()
    {
        var prisonerId = (await ArrangeAsync()).PrisonerId;
        var queue = await app.AsSystemAsync<NotificationService, IReadOnlyList<NotificationRow>>(n => n.QueueAsync(new NotificationQuery(), CancellationToken.None));
        return queue.First(r => r.PrisonerId == prisonerId && r.Id is not null).Id!.Value;
    }

    private int? _consultation;

    /// <summary>A consultation that has been held: its status table refuses "scheduled".</summary>
    private async Task<int> ConsultationAsync()
    {
        if (_consultation is { } done) return done;
        var counterpart = (await app.AsSystemAsync<ConsultationService, ServiceResult<Counterpart>>(c =>
            c.AddCounterpartAsync("Pseudo " + Guid.NewGuid().ToString("N")[..6], CounterpartKind.Icrc, null, CancellationToken.None))).Value!;
        var consultation = (await app.AsSystemAsync<ConsultationService, ServiceResult<Consultation>>(c => c.CreateAsync(
            new ConsultationInput { Title = "Visits", Channel = ConsultationChannel.Meeting, Date = Day(-5), CounterpartIds = [counterpart.Id], DeskId = Desk.DefaultDeskId },
            Actor.System, CancellationToken.None))).Value!;
        Assert.True((await app.AsSystemAsync<ConsultationService, ServiceResult<Consultation>>(c =>
            c.ChangeStatusAsync(consultation.Id, ConsultationStatus.Held, Actor.System, CancellationToken.None))).Succeeded);
        _consultation = consultation.Id;
        return consultation.Id;
    }

    private (int PrisonerId, int RequestId)? _arranged;

    /// <summary>A prisoner with a wish, a custody event and a request: enum labels and statuses on his pages.</summary>
    private async Task<(int PrisonerId, int RequestId)> ArrangeAsync()
    {
        if (_arranged is { } done) return done;
        _arranged = await app.DraftRequestToKoreaAsync("Pseudo", capturedDaysAgo: 60);
        return _arranged.Value;
    }

    private async Task<Prisoner> PrisonerAsync(string familyName) =>
        (await app.AsSystemAsync<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput
        {
            FamilyName = familyName,
            GivenNames = "Locale",
            Nationality = "KP",
            DetainingPower = "UA",
            DateOfCapture = Day(-60),
            DeskId = Desk.DefaultDeskId,
            DuplicatesChecked = true,
        }, Actor.System, CancellationToken.None))).Value!;

    private async Task<WishDeclaration> WishAsync(int prisonerId, WishDestination destination, string? state = null, bool fears = false) =>
        (await app.AsSystemAsync<WishService, ServiceResult<WishDeclaration>>(w => w.RecordAsync(prisonerId, new WishInput
        {
            TakenOn = Day(-2),
            Interviewer = "ICRC delegate",
            Organisation = InterviewerOrganisation.Icrc,
            PrivateInterview = true,
            Verification = WishVerification.VerifiedByNeutralParty,
            Destination = destination,
            DestinationState = state,
            FearsPersecution = fears,
        }, Actor.System, CancellationToken.None))).Value!;

    private async Task<int> RequestAsync(int prisonerId, string state, int wishId) =>
        (await app.AsSystemAsync<RequestService, ServiceResult<TransferRequest>>(r =>
            r.CreateAsync(prisonerId, new RequestInput { DestinationState = state, WishId = wishId }, Actor.System, CancellationToken.None))).Value!.Id;

    private int? _return;

    /// <summary>A return to his country of origin while he is undecided and states fear: the non-refoulement stop is in force.</summary>
    private async Task<int> ArrangeReturnAsync()
    {
        if (_return is { } done) return done;
        var prisoner = await PrisonerAsync("Pseudoreturn");
        var wish = await WishAsync(prisoner.Id, WishDestination.Undecided, fears: true);
        _return = await RequestAsync(prisoner.Id, "KP", wish.Id);
        return _return.Value;
    }

    private int? _flagged;

    /// <summary>A submitted request to Korea, then a statement that he wants to remain: it is flagged for review.</summary>
    private async Task<int> ArrangeFlaggedAsync()
    {
        if (_flagged is { } done) return done;
        var prisoner = await PrisonerAsync("Pseudoflagged");
        var wish = await WishAsync(prisoner.Id, WishDestination.TransferToThirdState, "KR");
        var id = await RequestAsync(prisoner.Id, "KR", wish.Id);
        Assert.True((await app.AsSystemAsync<RequestService, ServiceResult<TransferRequest>>(r =>
            r.MoveAsync(id, RequestStatus.Submitted, null, null, Actor.System, CancellationToken.None))).Succeeded);
        await WishAsync(prisoner.Id, WishDestination.RemainInDetainingState);
        _flagged = id;
        return id;
    }
}
