using System.Net;

using PowRegistry.Core.Accounts;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>The register as a case officer uses it: real forms, posted with their antiforgery token.</summary>
public sealed class PrisonerPagesTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    private static Dictionary<string, string?> Fields(params (string Key, string? Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    /// <summary>Registers a prisoner; if other tests' namesakes raise the duplicate warning, confirms it (tested on its own elsewhere).</summary>
    private static async Task<Session.Result> Register(Session officer, params (string Key, string? Value)[] values)
    {
        var form = await officer.GetAsync("/Prisoners/Create");
        var result = await officer.SubmitAsync(form, "Register", Fields(values));
        return result.Document.QuerySelector("#possible-duplicates") is not null && result.Document.QuerySelectorAll(".field-validation-error").All(e => e.TextContent.Trim().Length == 0)
            ? await officer.SubmitAsync(result, "Register", Fields(("I have checked these records: this is a different man", "true")))
            : result;
    }

    private static int IdOf(Session.Result details) => int.Parse(new Uri(details.Url).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Create_ShowsTheNewRecord_WithItsReference()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var details = await Register(officer,
            ("Family name", "Pak"), ("Given names", "Chol Jun"), ("Rank", "Junior sergeant"), ("Service number", "KPA-778812"),
            ("Date of birth", "2001-03"), ("Place of birth", "Hamhung"), ("Nationality", "KP"), ("Date of capture", "2025-01-09"),
            ("Place of capture", "Kursk region"), ("Detaining power", "UA"), ("Health status", "3"));

        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.Matches(@"/Prisoners/\d+$", details.Url);
        Assert.Matches(@"Registered as POW-\d{4}-\d{6}\.", details.Text);
        var reference = System.Text.RegularExpressions.Regex.Match(details.Text, @"POW-\d{4}-\d{6}").Value;
        Assert.Contains("Chol Jun", details.Text, StringComparison.Ordinal);
        Assert.Contains("North Korea", details.Text, StringComparison.Ordinal);
        Assert.Contains("Ukraine", details.Text, StringComparison.Ordinal);
        Assert.Contains("Wounded", details.Text, StringComparison.Ordinal);
        Assert.Contains("2001-03", details.Text, StringComparison.Ordinal);
        Assert.Contains("Captured", details.Document.QuerySelector("ol.timeline")!.TextContent, StringComparison.Ordinal);

        var list = await officer.GetAsync("/Prisoners?q=" + reference);
        Assert.Contains(reference, list.Document.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Art17_DeclinedAndSource_AreKept()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var details = await Register(officer,
            ("Family name", "Han"), ("Form.RankDeclined", "true"), ("Form.FamilyNameSource", "2"));
        var identity = details.Document.QuerySelector("dl.facts")!.TextContent;
        Assert.Contains("Han (Document carried)", identity, StringComparison.Ordinal);
        Assert.Contains("Declined to give", identity, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> InvalidForms() => new()
    {
        // field label, value, field name, message shown next to it
        { "Family name", "", "Form.FamilyName", "Enter a family name, or an alias if his name is not known." },
        { "Date of birth", "17.04.1998", "Form.DateOfBirth", "Enter the date of birth as YYYY, YYYY-MM or YYYY-MM-DD" },
        { "Date of birth", "2999", "Form.DateOfBirth", "The date of birth cannot be in the future." },
        { "Date of capture", "2999-01-01", "Form.DateOfCapture", "The date of capture cannot be in the future." },
        { "Date of capture", "1990-01-01", "Form.DateOfCapture", "The date of capture cannot be before the date of birth." },
        { "Family name", new string('K', 201), "Form.FamilyName", "Keep this under 200 characters." },
        { "Nationality", "ZZ", "Form.Nationality", "Choose a country from the list." },
    };

    [Theory]
    [MemberData(nameof(InvalidForms))]
    public async Task EachRule_ShowsItsMessageNextToTheField_AndSavesNothing(string label, string value, string fieldName, string message)
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var marker = "Marker" + Guid.NewGuid().ToString("N")[..8];
        var values = new List<(string, string?)> { ("Family name", "Ri"), ("Given names", marker), ("Date of birth", "1999-05-01") };
        values.RemoveAll(v => v.Item1 == label);
        values.Add((label, value));

        var result = await Register(officer, values.ToArray());

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.EndsWith("/Prisoners/Create", result.Url, StringComparison.Ordinal);
        Assert.Contains(message, result.ErrorFor(fieldName), StringComparison.Ordinal);
        Assert.Equal(marker, result.Document.QuerySelector("[name='Form.GivenNames']")!.GetAttribute("value")); // what was typed is kept
        Assert.Contains("No prisoner matches.", (await officer.GetAsync("/Prisoners?q=" + marker)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceNumber_MustBeUniquePerNationality()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        await Register(officer, ("Family name", "Kang"), ("Service number", "DUP-1"), ("Nationality", "KP"));
        var second = await Register(officer, ("Family name", "Kang"), ("Service number", "DUP-1"), ("Nationality", "KP"));
        Assert.Contains("already has this service number", second.ErrorFor("Form.ServiceNumber"), StringComparison.Ordinal);
        // Another nationality may use the number, but the same number is worth a look first.
        var warned = await officer.SubmitAsync(await officer.GetAsync("/Prisoners/Create"), "Register", Fields(("Family name", "Kang"), ("Service number", "DUP-1"), ("Nationality", "RU")));
        Assert.Contains("Same service number", warned.Document.QuerySelector("#possible-duplicates")!.TextContent, StringComparison.Ordinal);
        var otherNationality = await officer.SubmitAsync(warned, "Register", Fields(("I have checked these records: this is a different man", "true")));
        Assert.Matches(@"/Prisoners/\d+$", otherNationality.Url);
    }

    [Fact]
    public async Task Edit_SavesTheChange()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var details = await Register(officer, ("Family name", "Yun"), ("Rank", "Private"));
        var edit = await officer.GetAsync($"/Prisoners/{IdOf(details)}/Edit");
        Assert.Equal("Yun", edit.Document.QuerySelector("[name='Form.FamilyName']")!.GetAttribute("value"));

        var saved = await officer.SubmitAsync(edit, "Save", Fields(("Rank", "Sergeant"), ("Place of internment", "Camp Zero")));

        Assert.Contains("Saved.", saved.Text, StringComparison.Ordinal);
        Assert.Contains("Sergeant", saved.Text, StringComparison.Ordinal);
        Assert.Contains("Camp Zero", saved.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_Invalid_KeepsTheOldRecord()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var details = await Register(officer, ("Family name", "Jong"), ("Date of capture", "2025-02-01"));
        var edit = await officer.GetAsync($"/Prisoners/{IdOf(details)}/Edit");
        var refused = await officer.SubmitAsync(edit, "Save", Fields(("Family name", "Changed"), ("Date of capture", "2999-01-01")));
        Assert.Contains("The date of capture cannot be in the future.", refused.ErrorFor("Form.DateOfCapture"), StringComparison.Ordinal);
        var reloaded = await officer.GetAsync($"/Prisoners/{IdOf(details)}");
        Assert.DoesNotContain("Changed", reloaded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoOfficersEditingTheSameRecord_TheSecondIsRefused_ToldWhatChanged_AndNothingIsOverwritten()
    {
        using var first = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        using var second = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var details = await Register(first, ("Family name", "Choe"), ("Rank", "Private"), ("Place of internment", "Camp A"));
        var url = $"/Prisoners/{IdOf(details)}/Edit";
        var firstForm = await first.GetAsync(url);
        var secondForm = await second.GetAsync(url);

        await first.SubmitAsync(firstForm, "Save", Fields(("Rank", "Lieutenant")));
        var refused = await second.SubmitAsync(secondForm, "Save", Fields(("Place of internment", "Camp B")));

        Assert.EndsWith("/Edit", refused.Url, StringComparison.Ordinal);
        Assert.Contains("Someone else saved this record while you were editing it.", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Now saved as “Lieutenant”.", refused.ErrorFor("Form.Rank"), StringComparison.Ordinal);
        var stored = await first.GetAsync($"/Prisoners/{IdOf(details)}");
        Assert.Contains("Lieutenant", stored.Text, StringComparison.Ordinal);
        Assert.Contains("Camp A", stored.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Camp B", stored.Text, StringComparison.Ordinal);

        // Saving again from the refreshed form is a deliberate choice, and it goes through.
        var again = await second.SubmitAsync(refused, "Save");
        Assert.Contains("Saved.", again.Text, StringComparison.Ordinal);
        Assert.Contains("Camp B", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FindsByNameAliasServiceNumber_AndFilters()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var tag = "Zq" + Guid.NewGuid().ToString("N")[..6];
        var withAlias = await Register(officer, ("Family name", tag + "family"), ("Given names", "Song Il"), ("Alias", "Aleksei " + tag + "alias"), ("Service number", tag + "-SN"), ("Nationality", "KP"));
        await Register(officer, ("Family name", tag + "family"), ("Given names", "Myong Ho"), ("Nationality", "RU"));

        async Task<string[]> Rows(string query)
        {
            var page = await officer.GetAsync("/Prisoners" + query);
            return page.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToArray();
        }

        Assert.Equal(2, (await Rows($"?q={tag}family")).Length);
        Assert.Single(await Rows($"?q=il+{tag}FAMILY"));
        Assert.Single(await Rows($"?q={tag}alias"));
        Assert.Single(await Rows($"?q={tag}-sn"));
        Assert.Single(await Rows($"?q={tag}family&nationality=RU"));
        Assert.Contains("Myong Ho", (await Rows($"?q={tag}family&nationality=RU"))[0], StringComparison.Ordinal);
        // The filter keeps what was chosen (the country lists are written from a cache, not the select tag helper).
        var filtered = await officer.GetAsync($"/Prisoners?q={tag}family&nationality=ru&detainingPower=UA");
        Assert.Equal("RU", filtered.Document.QuerySelector("#nationality option[selected]")?.GetAttribute("value"));
        Assert.Equal("UA", filtered.Document.QuerySelector("#detainingPower option[selected]")?.GetAttribute("value"));
        Assert.Null(filtered.Document.QuerySelector("#wishState option[selected]"));
        Assert.Equal(filtered.Document.QuerySelectorAll("#nationality option").Length, filtered.Document.QuerySelectorAll("#wishState option").Length);
        Assert.Equal(2, (await Rows($"?q={tag}family&status=0")).Length); // no capture date: no custody event yet
        Assert.Empty(await Rows($"?q={tag}family&status=1"));
        Assert.Equal(2, (await Rows($"?q={tag}family&status=banana&sort=99&after=%%%")).Length); // hand-edited query strings fall back
    }

    [Fact]
    public async Task CustodyEvent_AppearsOnTheTimeline_AndMovesTheStatus()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var details = await Register(officer, ("Family name", "Ju"), ("Date of capture", "2025-01-02"));
        var add = await officer.GetAsync($"/Prisoners/{IdOf(details)}/Events/Add");
        var refused = await officer.SubmitAsync(add, "Add event", Fields(("Event", ""), ("Date", "2025-02-01")));
        Assert.Contains("Choose what happened.", refused.ErrorFor("Form.Kind"), StringComparison.Ordinal);

        var done = await officer.SubmitAsync(refused, "Add event", Fields(("Event", "5"), ("Date", "2025-02-01"), ("Place", "Regional hospital 3")));

        Assert.Contains("Custody event added.", done.Text, StringComparison.Ordinal);
        var timeline = done.Document.QuerySelector("ol.timeline")!.TextContent;
        Assert.Contains("Hospitalised", timeline, StringComparison.Ordinal);
        Assert.Contains("Regional hospital 3", timeline, StringComparison.Ordinal);
        Assert.True(timeline.IndexOf("Hospitalised", StringComparison.Ordinal) < timeline.IndexOf("Captured", StringComparison.Ordinal), "Newest first");
        Assert.Contains("In hospital", done.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AliasesAndDocuments_CanBeAdded()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var details = await Register(officer, ("Family name", "Ri"));
        var id = IdOf(details);

        var aliases = await officer.GetAsync($"/Prisoners/{id}/Aliases");
        var empty = await officer.SubmitAsync(aliases, "Add alias", Fields(("Alias", " ")));
        Assert.Contains("Enter the alias.", empty.ErrorFor("Form.Name"), StringComparison.Ordinal);
        var added = await officer.SubmitAsync(empty, "Add alias", Fields(("Alias", "Рі Йон Чхоль"), ("Source", "3")));
        Assert.Contains("Рі Йон Чхоль", added.Text, StringComparison.Ordinal);

        var documents = await officer.GetAsync($"/Prisoners/{id}/Documents");
        var doc = await officer.SubmitAsync(documents, "Add document", Fields(("Document type", "Military ID"), ("Number", "RU-44"), ("Name shown on it", "Ivan Sidorov"), ("Authenticity", "2")));
        Assert.Contains("Believed false", doc.Text, StringComparison.Ordinal);

        var search = await officer.GetAsync("/Prisoners?q=sidorov");
        Assert.Contains(search.Document.QuerySelectorAll("tbody tr a"), a => a.GetAttribute("href") == $"/Prisoners/{id}");
    }

    [Fact]
    public async Task AnAuditor_SeesRecords_ButNoEditing()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var details = await Register(officer, ("Family name", "Seo"));
        using var auditor = await app.LoginAsNewUserAsync(Roles.Auditor);

        var page = await auditor.GetAsync($"/Prisoners/{IdOf(details)}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.Document.QuerySelectorAll($"a[href='/Prisoners/{IdOf(details)}/Edit']"));
        var edit = await auditor.GetAsync($"/Prisoners/{IdOf(details)}/Edit");
        Assert.Contains("/Account/AccessDenied", edit.Url, StringComparison.Ordinal);
    }
}
