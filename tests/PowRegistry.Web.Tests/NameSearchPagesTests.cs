using PowRegistry.Core.Accounts;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>Issue 4 through the pages: the register search and the duplicate warning see through scripts.</summary>
public sealed class NameSearchPagesTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    private static readonly (string Family, string Given, string Script)[] Entries =
    [
        ("리", "영철", "North Korean Hangul"),
        ("이", "영철", "South Korean Hangul"),
        ("Ri", "Yong Chol", "Latin"),
        ("Ли", "Ён Чхоль", "Cyrillic"),
    ];

    [Fact]
    public async Task EachEntry_IsFoundByTheOtherForms_FromTheSearchBox()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var references = new Dictionary<string, string>();
        foreach (var (family, given, script) in Entries)
        {
            var form = await officer.GetAsync("/Prisoners/Create");
            var details = await officer.SubmitAsync(form, "Register", new Dictionary<string, string?>
            {
                ["Family name"] = family,
                ["Given names"] = given,
                ["Notes"] = script,
            });
            if (details.Document.QuerySelector("#possible-duplicates") is not null)
            {
                details = await officer.SubmitAsync(details, "Register", new Dictionary<string, string?> { ["I have checked these records: this is a different man"] = "true" });
            }
            references[script] = System.Text.RegularExpressions.Regex.Match(details.Text, @"POW-\d{4}-\d{6}").Value;
        }

        foreach (var (family, given, script) in Entries)
        {
            var list = await officer.GetAsync("/Prisoners?q=" + Uri.EscapeDataString($"{family} {given}"));
            var table = list.Document.QuerySelector("tbody")!.TextContent;
            foreach (var other in Entries.Where(e => e.Script != script))
            {
                Assert.True(table.Contains(references[other.Script], StringComparison.Ordinal), $"Typing the {script} form did not find the {other.Script} entry");
            }
            // The form typed exactly is the first row.
            Assert.Contains(references[script], list.Document.QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheSameManInAnotherScript_TriggersTheDuplicateWarning()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var form = await officer.GetAsync("/Prisoners/Create");
        var first = await officer.SubmitAsync(form, "Register", new Dictionary<string, string?> { ["Family name"] = "Pak", ["Given names"] = "Chol Jun", ["Date of birth"] = "2000-03-04" });
        var reference = System.Text.RegularExpressions.Regex.Match(first.Text, @"POW-\d{4}-\d{6}").Value;

        var again = await officer.GetAsync("/Prisoners/Create");
        var warned = await officer.SubmitAsync(again, "Register", new Dictionary<string, string?> { ["Family name"] = "Пак", ["Given names"] = "Чхоль Чжун", ["Date of birth"] = "2000" });

        Assert.EndsWith("/Prisoners/Create", warned.Url, StringComparison.Ordinal);
        var warning = warned.Document.QuerySelector("#possible-duplicates")!;
        Assert.Contains(reference, warning.TextContent, StringComparison.Ordinal);
        Assert.NotNull(warning.QuerySelector($"a[href='/Prisoners/{new Uri(first.Url).Segments[^1]}']"));

        var saved = await officer.SubmitAsync(warned, "Register", new Dictionary<string, string?> { ["I have checked these records: this is a different man"] = "true" });
        Assert.Matches(@"/Prisoners/\d+$", saved.Url);
    }
}
