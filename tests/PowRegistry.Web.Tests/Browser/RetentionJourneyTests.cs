using System.Globalization;

using Microsoft.Playwright;

using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests.Browser;

/// <summary>
/// Issue 16's journey in Chromium: an administrator opens a closed record whose time is up, places a legal hold on it
/// from the record, runs the due list, and sees the held record kept (listed as held, his name still on his record)
/// while the other record due is anonymised.
/// </summary>
[Trait("Category", "Browser")]
public sealed class RetentionJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string ElevenYearsAgo = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-11).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<Prisoner> ClosedLongAgoAsync(string family)
    {
        var prisoner = (await fixture.App.AsSystemAsync<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput
        {
            FamilyName = family,
            GivenNames = "Yong Chol",
            Nationality = "KP",
            DateOfCapture = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DuplicatesChecked = true,
        }, Actor.System, CancellationToken.None))).Value!;
        var released = await fixture.App.AsSystemAsync<PrisonerService, ServiceResult<CustodyEvent>>(s => s.AddCustodyEventAsync(prisoner.Id,
            new CustodyEventInput { Kind = CustodyEventKind.Released, Date = ElevenYearsAgo }, Actor.System, CancellationToken.None));
        Assert.True(released.Succeeded);
        return prisoner;
    }

    [Fact]
    public async Task AnAdministrator_PlacesALegalHold_RunsTheDueList_AndSeesTheHeldRecordKept()
    {
        var held = await ClosedLongAgoAsync("Heldjourney");
        var due = await ClosedLongAgoAsync("Duejourney");
        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseUrl, Locale = "en-GB" });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/Prisoners/{held.Id}");
        await BrowserFixture.LogInAsync(page, PowRegistryFactory.AdminEmail, PowRegistryFactory.AdminPassword);
        await page.GotoAsync($"/Prisoners/{held.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Retention and legal hold" }).ClickAsync();
        await page.GetByLabel("Reason for the hold").FillAsync("Court case 12/2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Place a legal hold" }).ClickAsync();
        await Assertions.Expect(page.Locator("#legal-hold")).ToContainTextAsync("Court case 12/2025");

        await BrowserFixture.OpenMenuAsync(page, "Administration");
        await page.GetByRole(AriaRole.Link, new() { Name = "Retention", Exact = true }).ClickAsync();
        var heldRow = page.Locator($"#retention-due tr[data-key='{held.Id}']");
        await Assertions.Expect(heldRow.Locator(".outcome")).ToHaveTextAsync("Kept: on legal hold (Court case 12/2025)");
        await Assertions.Expect(page.Locator($"#retention-due tr[data-key='{due.Id}'] .outcome")).ToHaveTextAsync("To be anonymised");

        await page.GetByRole(AriaRole.Button, new() { Name = "Anonymise the records due now" }).ClickAsync();
        await Assertions.Expect(page.GetByText("1 records anonymised, 1 kept on legal hold, 0 failed; 0 consultation documents removed; 0 access entries expired.")).ToBeVisibleAsync();
        await Assertions.Expect(heldRow).ToBeVisibleAsync(); // still listed, still kept
        await Assertions.Expect(page.Locator($"#retention-due tr[data-key='{due.Id}']")).ToHaveCountAsync(0);

        await page.GotoAsync($"/Prisoners/{held.Id}");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Heldjourney");
        await page.GotoAsync($"/Prisoners/{due.Id}");
        await Assertions.Expect(page.Locator("h1")).Not.ToContainTextAsync("Duejourney");
    }
}
