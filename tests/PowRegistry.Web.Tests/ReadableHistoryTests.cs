using System.Net;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Desks;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>
/// A history a person can read (issue 15): what happened in words, fields by their labels, people by name, enum values
/// by their labels, countries by name, and no internal ids or type names; the record page shows the recent changes
/// and a link to all of them.
/// </summary>
public sealed class ReadableHistoryTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    private async Task<(Session Officer, string UserId, string Id)> RecordWithChangesAsync(string family, int edits)
    {
        var (userId, email) = await app.CreateUserAsync(Roles.CaseOfficer);
        var officer = await app.LoginAsync(email, PowRegistryFactory.OfficerPassword);
        var details = await officer.SubmitAsync(await officer.GetAsync("/Prisoners/Create"), "Register",
            new Dictionary<string, string?> { ["Family name"] = family, ["Nationality"] = "KP", ["Rank"] = "Private" });
        var id = new Uri(details.Url).Segments[^1];
        await officer.PostRawAsync(await officer.GetAsync($"/Prisoners/{id}/Events/Add"), $"/Prisoners/{id}/Events/Add",
            [new("Form.Kind", "10"), new("Form.Date", "2025-02-01"), new("Form.Place", "Handover point")]); // 10: transferred to a third state
        for (var i = 0; i < edits; i++)
        {
            await officer.SubmitAsync(await officer.GetAsync($"/Prisoners/{id}/Edit"), "Save", new Dictionary<string, string?> { ["Unit"] = $"Unit {i}" });
        }
        return (officer, userId, id);
    }

    [Fact]
    public async Task TheHistory_ReadsAsWords_NotAsInternals()
    {
        var (officer, userId, id) = await RecordWithChangesAsync("Readable", edits: 1);
        using var _ = officer;
        var history = (await officer.GetAsync($"/Prisoners/{id}")).Document.QuerySelector("table.audit")!.TextContent;

        Assert.Contains("Custody event — added", history, StringComparison.Ordinal);
        Assert.Contains("Prisoner's record — added", history, StringComparison.Ordinal);
        Assert.Contains("Prisoner's record — changed", history, StringComparison.Ordinal);
        Assert.Contains("Event: Transferred to third state", history, StringComparison.Ordinal);
        Assert.Contains("Nationality: North Korea", history, StringComparison.Ordinal);
        Assert.Contains("Family name: Readable", history, StringComparison.Ordinal);
        Assert.Contains("Unit: — → Unit 0", history, StringComparison.Ordinal);
        Assert.Contains("CaseOfficer test user", history, StringComparison.Ordinal);
        foreach (var internals in new[] { userId, "CreatedBy", "CustodyEvent ", "Create ", "TransferredToThirdState", "NationalityCode", "∅" })
        {
            Assert.DoesNotContain(internals, history, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheRecordPage_ShowsTheRecentChanges_AndLinksToAll()
    {
        var (officer, _, id) = await RecordWithChangesAsync("Longhistory", edits: 12);
        using var _ = officer;
        var page = await officer.GetAsync($"/Prisoners/{id}");
        Assert.Equal(10, page.Document.QuerySelectorAll("table.audit tbody tr").Length);
        var all = page.Document.QuerySelector("#all-changes")!.GetAttribute("href")!;
        var full = await officer.GetAsync(all);
        Assert.Equal(HttpStatusCode.OK, full.Status);
        var rows = full.Document.QuerySelectorAll("table.audit tbody tr").Select(r => r.TextContent).ToList();
        Assert.True(rows.Count > 10, $"{rows.Count} rows");
        Assert.Contains(rows, r => r.Contains("Prisoner's record — added", StringComparison.Ordinal)); // the very first change is there

        // A record with a short history has no link; another desk's record has no history page for him.
        var (shortOfficer, _, shortId) = await RecordWithChangesAsync("Shorthistory", edits: 0);
        using var __ = shortOfficer;
        Assert.Null((await shortOfficer.GetAsync($"/Prisoners/{shortId}")).Document.QuerySelector("#all-changes"));
        var desk = (await app.AsSystemAsync<DeskService, PowRegistry.Core.Common.ServiceResult<Desk>>(d => d.CreateAsync("History desk " + Guid.NewGuid().ToString("N")[..6], CancellationToken.None))).Value!;
        using var stranger = await app.LoginAsNewUserAsync(Roles.CaseOfficer, desk.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Prisoners/{id}/History")).Status);
    }
}
