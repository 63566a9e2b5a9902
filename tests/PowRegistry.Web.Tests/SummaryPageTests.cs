using System.Net;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>The printable prisoner summary: linked from the record, print stylesheet, no inline style or script, need-to-know.</summary>
public sealed class SummaryPageTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    private async Task<(int Id, int DeskId)> RegisterAsync()
    {
        var desk = await app.AsSystemAsync<DeskService, int>(async d => (await d.CreateAsync("Summary " + Guid.NewGuid().ToString("N")[..6], CancellationToken.None)).Value!.Id);
        var id = await app.AsSystemAsync<PrisonerService, int>(async s => (await s.CreateAsync(new PrisonerInput
        {
            FamilyName = "Summaryman",
            GivenNames = "Chol",
            DateOfBirth = "1999-05",
            Nationality = "KP",
            DateOfCapture = "2025-01-09",
            PlaceOfCapture = "Kursk region",
            FatherFirstName = "Secretfather",
            InitialAlias = "Aleksei",
            DeskId = desk,
            DuplicatesChecked = true,
        }, Actor.System, CancellationToken.None)).Value!.Id);
        return (id, desk);
    }

    [Fact]
    public async Task Summary_IsLinkedFromTheRecord_UsesThePrintStylesheet_AndHasNoInlineStyleOrScript()
    {
        var (id, desk) = await RegisterAsync();
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer, desk);
        var details = await officer.GetAsync($"/Prisoners/{id}");
        var link = details.Document.QuerySelectorAll("a").First(a => a.TextContent.Trim() == "Printable summary").GetAttribute("href");
        Assert.Equal($"/Prisoners/{id}/Summary", link);

        var summary = await officer.GetAsync(link!);

        Assert.Equal(HttpStatusCode.OK, summary.Status);
        Assert.Contains("Summaryman Chol", summary.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Kursk region", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Aleksei", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Secretfather", summary.Document.QuerySelector("#family")!.TextContent, StringComparison.Ordinal);
        var stylesheet = summary.Document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.StartsWith("/css/summary.css", stylesheet, StringComparison.Ordinal);
        Assert.Empty(summary.Document.QuerySelectorAll("script, style, [style]"));
        var css = await officer.Client.GetStringAsync(stylesheet);
        Assert.Contains("@media print", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_WithholdsNextOfKin_FromThoseNotOnTheDesk_AndDoesNotExistForOtherDesks()
    {
        var (id, _) = await RegisterAsync();
        using var auditor = await app.LoginAsNewUserAsync(Roles.Auditor);
        var summary = await auditor.GetAsync($"/Prisoners/{id}/Summary");
        Assert.Equal(HttpStatusCode.OK, summary.Status);
        Assert.DoesNotContain("Secretfather", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Withheld", summary.Document.QuerySelector("#family")!.TextContent, StringComparison.Ordinal);

        using var stranger = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Prisoners/{id}/Summary")).Status);
    }
}
