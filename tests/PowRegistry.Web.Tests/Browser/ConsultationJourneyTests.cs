using System.Globalization;

using Microsoft.Playwright;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests.Browser;

/// <summary>
/// Issue 6's journey in Chromium: an officer records a consultation with the Ukrainian ministry about two prisoners
/// and gives a colleague an action item already past due; the colleague sees it overdue on his start page; the
/// administrator's review shows it overdue and the consultation under "follow-up pending".
/// </summary>
[Trait("Category", "Browser")]
public sealed class ConsultationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static string Day(int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<string> OfficerAsync(string displayName)
    {
        var email = $"consult-{Guid.NewGuid():N}@powregistry.test";
        var created = await fixture.App.AsSystemAsync<UserAdminService, ServiceResult<AppUser>>(users => users.CreateAsync(
            new NewUserInput { Email = email, DisplayName = displayName, Role = Roles.CaseOfficer, Password = PowRegistryFactory.OfficerPassword }, Actor.System, CancellationToken.None));
        await fixture.App.AsSystemAsync<DeskService, ServiceResult<bool>>(d => d.SetMembershipAsync(created.Value!.Id, [Desk.DefaultDeskId], CancellationToken.None));
        return email;
    }

    private async Task<string> PrisonerAsync(string familyName) =>
        (await fixture.App.AsSystemAsync<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput
        {
            FamilyName = familyName,
            Nationality = "KP",
            DetainingPower = "UA",
            DateOfCapture = Day(-40),
            DeskId = Desk.DefaultDeskId,
            DuplicatesChecked = true,
        }, Actor.System, CancellationToken.None))).Value!.Reference;

    [Fact]
    public async Task AConsultationWithTheUkrainianMinistry_AndAnOverdueActionItem_ReachTheColleagueAndTheReview()
    {
        await fixture.App.AsSystemAsync<ConsultationService, ServiceResult<Counterpart>>(c => c.AddCounterpartAsync("Ministry of Foreign Affairs of Ukraine", CounterpartKind.Ministry, "UA", CancellationToken.None));
        var first = await PrisonerAsync("Consultedone");
        var second = await PrisonerAsync("Consultedtwo");
        var officerEmail = await OfficerAsync("Journey Officer");
        var colleagueEmail = await OfficerAsync("Colleague Kovalenko");

        await using var officerContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var officer = await officerContext.NewPageAsync();
        await officer.GotoAsync("/Consultations/Create");
        await BrowserFixture.LogInAsync(officer, officerEmail, PowRegistryFactory.OfficerPassword);

        await officer.GetByLabel("Title").FillAsync("Transfer of two prisoners to the Republic of Korea");
        await officer.GetByLabel("Channel").SelectOptionAsync(new SelectOptionValue { Label = "Meeting" });
        await officer.GetByLabel("Date (planned or held)").FillAsync(Day(-10));
        await officer.GetByLabel("Ministry of Foreign Affairs of Ukraine").CheckAsync();
        await officer.GetByLabel("Prisoners concerned (references)").FillAsync($"{first}, {second}");
        await officer.GetByLabel("Positions conveyed").FillAsync("Ukraine will not object to transfers the ICRC has verified.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record consultation" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Consultation recorded.");
        await Assertions.Expect(officer.Locator("#concerns")).ToContainTextAsync(first);
        await Assertions.Expect(officer.Locator("#concerns")).ToContainTextAsync(second);

        await officer.GetByLabel("New status").SelectOptionAsync(new SelectOptionValue { Label = "Follow-up pending" });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#consultation-status")).ToHaveTextAsync("Follow-up pending");

        await officer.GetByLabel("What").FillAsync("Send the ministry the verified interview records");
        await officer.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Label = $"Colleague Kovalenko ({colleagueEmail})" });
        await officer.GetByLabel("Due date").FillAsync(Day(-2));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Add action item" }).ClickAsync();
        await Assertions.Expect(officer.Locator("table.action-items")).ToContainTextAsync("overdue");

        await using var colleagueContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var colleague = await colleagueContext.NewPageAsync();
        await colleague.GotoAsync("/");
        await BrowserFixture.LogInAsync(colleague, colleagueEmail, PowRegistryFactory.OfficerPassword);
        var item = colleague.Locator("ul.my-action-items li", new() { HasText = "Send the ministry the verified interview records" });
        await Assertions.Expect(item).ToContainTextAsync("Overdue");

        await using var adminContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var admin = await adminContext.NewPageAsync();
        await admin.GotoAsync("/");
        await BrowserFixture.LogInAsync(admin, PowRegistryFactory.AdminEmail, PowRegistryFactory.AdminPassword);
        await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Admin/Review$"));
        await Assertions.Expect(admin.Locator("#overdue-action-items")).ToContainTextAsync("Send the ministry the verified interview records");
        await Assertions.Expect(admin.Locator("#overdue-action-items")).ToContainTextAsync("Colleague Kovalenko");
        await admin.Locator("#consultations-by-status tr[data-key=FollowUpPending] a").ClickAsync();
        await Assertions.Expect(admin.Locator("#consultations")).ToContainTextAsync("Transfer of two prisoners to the Republic of Korea");
        await Assertions.Expect(admin.Locator("#consultations")).ToContainTextAsync("Follow-up pending");
    }
}
