using System.Globalization;

using Microsoft.Playwright;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests.Browser;

/// <summary>
/// Issue 5's journey in Chromium: an officer records an undecided wish, then a verified private-interview wish for
/// the Republic of Korea; creates and submits a request; an administrator marks it accepted; the officer schedules and
/// completes the handover; the prisoner's timeline shows the transfer.
/// </summary>
[Trait("Category", "Browser")]
public sealed class WishToHandoverJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static string Day(int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task FromAnUndecidedWish_ToACompletedTransferToKorea()
    {
        var officerEmail = $"journey-{Guid.NewGuid():N}@powregistry.test";
        var prisoner = await fixture.App.AsSystemAsync<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput
        {
            FamilyName = "Journeyman",
            GivenNames = "Song Il",
            Nationality = "KP",
            DetainingPower = "UA",
            DateOfCapture = Day(-60),
            DeskId = Desk.DefaultDeskId,
            DuplicatesChecked = true,
        }, Actor.System, CancellationToken.None));
        await fixture.App.AsSystemAsync<UserAdminService, ServiceResult<AppUser>>(async users =>
        {
            var created = await users.CreateAsync(new NewUserInput { Email = officerEmail, DisplayName = "Journey Officer", Role = Roles.CaseOfficer, Password = PowRegistryFactory.OfficerPassword }, Actor.System, CancellationToken.None);
            return created;
        });
        var officerId = (await fixture.App.AsSystemAsync<UserAdminService, IReadOnlyList<UserRow>>(u => u.ListAsync(CancellationToken.None))).Single(u => u.Email == officerEmail).Id;
        await fixture.App.AsSystemAsync<DeskService, ServiceResult<bool>>(d => d.SetMembershipAsync(officerId, [Desk.DefaultDeskId], CancellationToken.None));
        var prisonerUrl = $"/Prisoners/{prisoner.Value!.Id}";

        await using var officerContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var officer = await officerContext.NewPageAsync();
        await officer.GotoAsync(prisonerUrl);
        await BrowserFixture.LogInAsync(officer, officerEmail, PowRegistryFactory.OfficerPassword);

        // An undecided statement, then a verified private-interview statement for the Republic of Korea.
        await RecordWishAsync(officer, Day(-20), "Undecided", null, isPrivate: false, verification: "Unverified");
        await RecordWishAsync(officer, Day(-2), "Transfer to a named state", "KR", isPrivate: true, verification: "Verified by a neutral party");
        await Assertions.Expect(officer.Locator(".current-wish")).ToContainTextAsync("South Korea");

        // A request resting on that statement, submitted and put under consultation.
        await officer.GetByRole(AriaRole.Link, new() { Name = "New request" }).ClickAsync();
        await officer.GetByLabel("Destination state").SelectOptionAsync("KR");
        await officer.GetByLabel("Wish statement it rests on").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Create request" }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Mark as Submitted" }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Mark as Under consultation" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#request-status")).ToHaveTextAsync("Under consultation");
        var requestUrl = new Uri(officer.Url).AbsolutePath;

        // The administrator records the receiving state's acceptance.
        await using var adminContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var admin = await adminContext.NewPageAsync();
        await admin.GotoAsync(requestUrl);
        await BrowserFixture.LogInAsync(admin, PowRegistryFactory.AdminEmail, PowRegistryFactory.AdminPassword);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Mark as Accepted by the receiving state" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#request-status")).ToHaveTextAsync("Accepted by the receiving state");

        // The officer schedules the handover (the reconfirmation gate passes) and completes it.
        await officer.GotoAsync(requestUrl);
        await officer.GetByLabel("Handover date").FillAsync(Day(0));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Mark as Handover scheduled" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#request-status")).ToHaveTextAsync("Handover scheduled");
        await officer.GetByLabel("Place of the handover").FillAsync("Border crossing point 3");
        await officer.GetByLabel("Witness organisation").SelectOptionAsync(new SelectOptionValue { Label = "ICRC" });
        await officer.GetByLabel("Witness name").FillAsync("Delegate Moreau");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Mark as Completed" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#request-status")).ToHaveTextAsync("Completed");
        await Assertions.Expect(officer.Locator("#handover")).ToContainTextAsync("Delegate Moreau");

        await officer.GotoAsync(prisonerUrl);
        await Assertions.Expect(officer.Locator("ol.timeline li").First).ToContainTextAsync("Transferred to third state");
        await Assertions.Expect(officer.Locator("ol.timeline li").First).ToContainTextAsync("South Korea");
        await Assertions.Expect(officer.Locator("ol.timeline li").First).ToContainTextAsync("Border crossing point 3");
        await Assertions.Expect(officer.Locator("ol.timeline li").First).ToContainTextAsync("Delegate Moreau");
    }

    internal static async Task RecordWishAsync(IPage page, string on, string destination, string? state, bool isPrivate, string verification)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a wish statement" }).ClickAsync();
        await page.GetByLabel("Date of interview").FillAsync(on);
        await page.GetByLabel("Interviewer", new() { Exact = true }).FillAsync("ICRC delegate");
        await page.GetByLabel("Organisation").SelectOptionAsync(new SelectOptionValue { Label = "ICRC" });
        await page.GetByLabel("Stated destination").SelectOptionAsync(new SelectOptionValue { Label = destination });
        if (state is not null) await page.GetByLabel("Named state").SelectOptionAsync(state);
        if (isPrivate) await page.GetByLabel("Private interview (no detaining-power staff present)").CheckAsync();
        await page.GetByLabel("Verification").SelectOptionAsync(new SelectOptionValue { Label = verification });
        await page.GetByRole(AriaRole.Button, new() { Name = "Record statement" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Wish statement recorded.");
    }
}
