using System.Net;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>The printable capture card (GC III Art. 70, Annex IV B) and the weekly list of the seriously sick (Art. 122).</summary>
public sealed class CaptureCardAndSickListPagesTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    private async Task<Prisoner> RegisterAsync(string familyName, HealthStatus health = HealthStatus.SeriouslySickOrWounded) =>
        (await app.AsSystemAsync<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput
        {
            FamilyName = familyName,
            GivenNames = "Yong Chol",
            Rank = "Junior sergeant",
            ServiceNumber = "KPA-" + Guid.NewGuid().ToString("N")[..8],
            DateOfBirth = "1999-03-04",
            PlaceOfBirth = "Fictional town",
            Nationality = "KP",
            PowerDependedOn = "KP",
            DateOfCapture = "2025-01-05",
            PlaceOfCapture = "Fictional village",
            PlaceOfInternment = "Fictional camp 3",
            HealthStatus = health,
            FatherFirstName = "Fictional father",
            PersonToBeInformed = "His mother",
            AddressForCorrespondence = "1 Fictional street",
            DeskId = Desk.DefaultDeskId,
            DuplicatesChecked = true,
        }, Actor.System, CancellationToken.None))).Value!;

    private static string Field(Session.Result page, string name) => page.Document.QuerySelector($"#capture-card [data-field='{name}']")!.TextContent.Trim();

    [Fact]
    public async Task TheCaptureCard_HoldsTheArt70Content_AndIsLinkedFromTheRecord()
    {
        var prisoner = await RegisterAsync("Cardholder");
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var details = await officer.GetAsync($"/Prisoners/{prisoner.Id}");
        var link = details.Document.QuerySelectorAll("a").Single(a => a.TextContent == "Capture card (print)").GetAttribute("href");

        var card = await officer.GetAsync(link!);
        Assert.Equal(HttpStatusCode.OK, card.Status);
        Assert.Equal("North Korea", Field(card, "power"));
        Assert.Equal("Cardholder", Field(card, "family-name"));
        Assert.Equal("Yong Chol", Field(card, "given-names"));
        Assert.Equal("Fictional father", Field(card, "father"));
        Assert.Equal("1999-03-04", Field(card, "date-of-birth"));
        Assert.Equal("Fictional town", Field(card, "place-of-birth"));
        Assert.Equal("Junior sergeant", Field(card, "rank"));
        Assert.Equal(prisoner.ServiceNumber, Field(card, "service-number"));
        Assert.Equal("His mother — 1 Fictional street", Field(card, "family-address"));
        Assert.Equal("2025-01-05 — Fictional village", Field(card, "captured"));
        Assert.Equal("Seriously sick or wounded", Field(card, "health"));
        Assert.Equal($"Prisoner No. {prisoner.Reference} — Fictional camp 3", Field(card, "address"));

        // Printable under the CSP: a print stylesheet file, no inline styles or scripts.
        Assert.NotNull(card.Document.QuerySelector("link[rel=stylesheet][media=print][href^='/css/print.css']"));
        Assert.Empty(card.Document.QuerySelectorAll("[style], style, script:not([src])"));
        var css = await officer.Client.GetAsync("/css/print.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains("header.top", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCaptureCard_KeepsNextOfKinFromOtherDesks_AndIsNotFoundOutsideTheUsersDesks()
    {
        var prisoner = await RegisterAsync("Restrictedcard");
        var otherDesk = await app.AsSystemAsync<DeskService, ServiceResult<Desk>>(d => d.CreateAsync("Card desk " + Guid.NewGuid().ToString("N")[..6], CancellationToken.None));
        using var auditor = await app.LoginAsNewUserAsync(Roles.Auditor, otherDesk.Value!.Id); // reads every desk, owns none
        var card = await auditor.GetAsync($"/Prisoners/{prisoner.Id}/CaptureCard");
        Assert.Equal(HttpStatusCode.OK, card.Status);
        Assert.Equal("Restricted to the owning desk and administrators.", Field(card, "father"));
        Assert.Equal("Restricted to the owning desk and administrators.", Field(card, "family-address"));
        Assert.DoesNotContain("Fictional father", card.Text, StringComparison.Ordinal);

        using var stranger = await app.LoginAsNewUserAsync(Roles.CaseOfficer, otherDesk.Value!.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Prisoners/{prisoner.Id}/CaptureCard")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/Prisoners/99999999/CaptureCard")).Status);
    }

    [Fact]
    public async Task TheSickList_ListsTheSeriouslySick_ForTheChosenWeek()
    {
        var sick = await RegisterAsync("Weeklysick");
        var healthy = await RegisterAsync("Weeklyhealthy", HealthStatus.Good);
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);

        var page = await officer.GetAsync("/Notifications/SickList?week=2025-W02");
        Assert.Equal("2025-W02", page.Document.QuerySelector("#week")!.TextContent);
        Assert.Contains("2025-01-06 – 2025-01-12", page.Document.QuerySelector("#week-range")!.TextContent, StringComparison.Ordinal);
        var row = Assert.Single(page.Document.QuerySelectorAll("table.sick-list tbody tr"), r => r.TextContent.Contains(sick.Reference, StringComparison.Ordinal));
        Assert.Contains("Seriously sick or wounded", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Junior sergeant", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Fictional camp 3", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(healthy.Reference, page.Text, StringComparison.Ordinal);

        // The week before his capture he was not ours yet.
        var before = await officer.GetAsync("/Notifications/SickList?week=2024-W52");
        Assert.DoesNotContain(sick.Reference, before.Text, StringComparison.Ordinal);

        var bad = await officer.GetAsync("/Notifications/SickList?week=2025-W99");
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Contains("Enter the week as YYYY-Www (for example 2025-W23): showing this week.", bad.Text, StringComparison.Ordinal);
    }
}
