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
}
