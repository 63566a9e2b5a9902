using Microsoft.Playwright;

using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests.Browser;

/// <summary>The first journey end to end in Chromium: an administrator creates an officer, who registers and finds a prisoner.</summary>
[Trait("Category", "Browser")]
public sealed class OfficerJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AdminCreatesOfficer_OfficerRegistersPrisonerWithAlias_FindsHimByAlias_AddsACustodyEvent()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var page = await context.NewPageAsync();

        // Administrator logs in and creates a case officer.
        await page.GotoAsync("/Admin/Users/Create");
        await BrowserFixture.LogInAsync(page, PowRegistryFactory.AdminEmail, PowRegistryFactory.AdminPassword);
        await page.GetByLabel("Email").FillAsync("officer.kim@powregistry.test");
        await page.GetByLabel("Display name").FillAsync("Officer Kim");
        await page.GetByLabel("Role").SelectOptionAsync("CaseOfficer");
        await page.GetByLabel("Initial password").FillAsync("officer kim passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("User officer.kim@powregistry.test created.");
        // …and puts him on the desk whose records he will handle.
        await page.Locator("tr", new() { HasText = "officer.kim@powregistry.test" }).GetByRole(AriaRole.Link, new() { Name = "Change" }).ClickAsync();
        await page.GetByLabel("Main desk").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save desks" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Desks saved.");
        await BrowserFixture.LogOutAsync(page);

        // The officer logs in and registers a prisoner known also by the name on a document he carried.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await BrowserFixture.LogInAsync(page, "officer.kim@powregistry.test", "officer kim passphrase");
        await BrowserFixture.OpenMenuAsync(page, "Records");
        await page.GetByRole(AriaRole.Link, new() { Name = "Register a prisoner" }).First.ClickAsync();
        await page.GetByLabel("Family name", new() { Exact = true }).FillAsync("리");
        await page.GetByLabel("Given names", new() { Exact = true }).FillAsync("영철");
        await page.GetByLabel("Date of birth", new() { Exact = true }).FillAsync("1999");
        await page.GetByLabel("Nationality", new() { Exact = true }).SelectOptionAsync("KP");
        await page.GetByLabel("Date of capture").FillAsync("2025-01-09");
        await page.GetByLabel("Detaining power").SelectOptionAsync("UA");
        await page.GetByLabel("Alias", new() { Exact = true }).FillAsync("Ivan Petrenko");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Registered as POW-");

        // He finds him by the alias from the register's search box.
        await page.GetByRole(AriaRole.Link, new() { Name = "Register", Exact = true }).ClickAsync();
        await page.GetByLabel("Search", new() { Exact = true }).FillAsync("petrenko");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var row = page.Locator("tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("리 영철");
        await row.GetByRole(AriaRole.Link).First.ClickAsync();

        // He adds a custody event and sees it on the timeline.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add custody event" }).ClickAsync();
        await page.GetByLabel("Event").SelectOptionAsync(new SelectOptionValue { Label = "Transferred" });
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync("2025-02-14");
        await page.GetByLabel("Place").FillAsync("Camp West");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add event" }).ClickAsync();
        var timeline = page.Locator("ol.timeline li");
        await Assertions.Expect(timeline.First).ToContainTextAsync("Transferred");
        await Assertions.Expect(timeline.First).ToContainTextAsync("Camp West");
        await Assertions.Expect(timeline.Nth(1)).ToContainTextAsync("Captured");
    }
}
