using PowRegistry.Core.Accounts;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

public sealed class MergePagesTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    private static async Task<(string Id, string Reference)> RegisterAsync(Session session, string familyName, string alias)
    {
        var form = await session.GetAsync("/Prisoners/Create");
        var details = await session.SubmitAsync(form, "Register", new Dictionary<string, string?> { ["Family name"] = familyName, ["Alias"] = alias });
        return (new Uri(details.Url).Segments[^1], System.Text.RegularExpressions.Regex.Match(details.Text, @"POW-\d{4}-\d{6}").Value);
    }

    [Fact]
    public async Task AnAdministrator_MergesADuplicate_AndTheSurvivorShowsIt()
    {
        using var admin = await app.LoginAsAdminAsync();
        var (survivorId, _) = await RegisterAsync(admin, "Survivor", "Kept Alias");
        var (duplicateId, duplicateReference) = await RegisterAsync(admin, "Duplicate", "Moved Alias");

        var merge = await admin.GetAsync($"/Prisoners/{survivorId}/Merge");
        var missingReason = await admin.SubmitAsync(merge, "Merge records", new Dictionary<string, string?> { ["DuplicateReference"] = duplicateReference });
        Assert.Contains("Say why these records are the same man", missingReason.Text, StringComparison.Ordinal);

        var done = await admin.SubmitAsync(missingReason, "Merge records", new Dictionary<string, string?> { ["DuplicateReference"] = duplicateReference, ["Reason"] = "Same service book photograph" });
        Assert.Contains($"Record {duplicateReference} merged into this one.", done.Text, StringComparison.Ordinal);
        Assert.Contains("Moved Alias", done.Text, StringComparison.Ordinal);
        Assert.Contains("Same service book photograph", done.Document.QuerySelector("ul.merges")!.TextContent, StringComparison.Ordinal);

        var oldLink = await admin.GetAsync($"/Prisoners/{duplicateId}");
        Assert.EndsWith($"/Prisoners/{survivorId}", oldLink.Url, StringComparison.Ordinal);
        var found = await admin.GetAsync("/Prisoners?q=duplicate"); // his old name is now an alias of the survivor
        var rows = found.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.DoesNotContain(rows, r => r.Contains(duplicateReference, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Survivor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACaseOfficer_CannotMerge()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var (id, _) = await RegisterAsync(officer, "Alone", "Only");
        Assert.Contains("/Account/AccessDenied", (await officer.GetAsync($"/Prisoners/{id}/Merge")).Url, StringComparison.Ordinal);
    }
}
