using System.Globalization;

using Microsoft.Playwright;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Requests;
using PowRegistry.Core.Wishes;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests.Browser;

/// <summary>
/// Issue 11's journey in Chromium: an officer schedules a handover; the man's new statement flags it; the officer
/// cannot complete it; an administrator reviews and withdraws it; the custody timeline shows no transfer.
/// </summary>
[Trait("Category", "Browser")]
public sealed class HandoverSafeguardJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static string Day(int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AChangeOfMindAfterScheduling_FreezesTheHandover_AndAnAdministratorWithdrawsIt()
    {
        var officerEmail = $"handover-{Guid.NewGuid():N}@powregistry.test";
        var prisoner = (await fixture.App.AsSystemAsync<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput
        {
            FamilyName = "Changeofmind",
            GivenNames = "Yong Chol",
            Nationality = "KP",
            DetainingPower = "UA",
            DateOfCapture = Day(-60),
            DeskId = Desk.DefaultDeskId,
            DuplicatesChecked = true,
        }, Actor.System, CancellationToken.None))).Value!;
        var wish = (await fixture.App.AsSystemAsync<WishService, ServiceResult<WishDeclaration>>(w => w.RecordAsync(prisoner.Id, new WishInput
        {
            TakenOn = Day(-2),
            Interviewer = "ICRC delegate",
            Organisation = InterviewerOrganisation.Icrc,
            PrivateInterview = true,
            Destination = WishDestination.TransferToThirdState,
            DestinationState = "KR",
            Verification = WishVerification.VerifiedByNeutralParty,
        }, Actor.System, CancellationToken.None))).Value!;
        var request = (await fixture.App.AsSystemAsync<RequestService, ServiceResult<TransferRequest>>(r => r.CreateAsync(prisoner.Id, new RequestInput { DestinationState = "KR", WishId = wish.Id }, new Actor("author"), CancellationToken.None))).Value!;
        foreach (var step in new[] { RequestStatus.Submitted, RequestStatus.UnderConsultation, RequestStatus.Accepted })
        {
            Assert.True((await fixture.App.AsSystemAsync<RequestService, ServiceResult<TransferRequest>>(r => r.MoveAsync(request.Id, step, null, null, Actor.System, CancellationToken.None))).Succeeded);
        }
        await fixture.App.AsSystemAsync<UserAdminService, ServiceResult<AppUser>>(users => users.CreateAsync(
            new NewUserInput { Email = officerEmail, DisplayName = "Handover Officer", Role = Roles.CaseOfficer, Password = PowRegistryFactory.OfficerPassword }, Actor.System, CancellationToken.None));
        var officerId = (await fixture.App.AsSystemAsync<UserAdminService, IReadOnlyList<UserRow>>(u => u.ListAsync(CancellationToken.None))).Single(u => u.Email == officerEmail).Id;
        await fixture.App.AsSystemAsync<DeskService, ServiceResult<bool>>(d => d.SetMembershipAsync(officerId, [Desk.DefaultDeskId], CancellationToken.None));
        var requestUrl = $"/Requests/{request.Id}";
        var prisonerUrl = $"/Prisoners/{prisoner.Id}";

        // The officer schedules the handover for today: the reconfirmation gate passes.
        await using var officerContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var officer = await officerContext.NewPageAsync();
        await officer.GotoAsync(requestUrl);
        await BrowserFixture.LogInAsync(officer, officerEmail, PowRegistryFactory.OfficerPassword);
        await officer.GetByLabel("Handover date").FillAsync(Day(0));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Mark as Handover scheduled" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#request-status")).ToHaveTextAsync("Handover scheduled");

        // He now says he wants to remain: his new statement flags the request.
        await officer.GotoAsync(prisonerUrl);
        await WishToHandoverJourneyTests.RecordWishAsync(officer, Day(0), "Remain in the detaining state", null, isPrivate: true, verification: "Verified by a neutral party");
        await officer.GotoAsync(requestUrl);
        await Assertions.Expect(officer.Locator("#flag")).ToContainTextAsync("His wish changed after the request was scheduled for handover.");

        // The officer cannot complete it: every reason is shown, and the status stays.
        await officer.GetByLabel("Place of the handover").FillAsync("Border crossing point 3");
        await officer.GetByLabel("Witness organisation").SelectOptionAsync(new SelectOptionValue { Label = "ICRC" });
        await officer.GetByLabel("Witness name").FillAsync("Delegate Moreau");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Mark as Completed" }).ClickAsync();
        await Assertions.Expect(officer.Locator(".errors")).ToContainTextAsync("Flagged for review after a change of wish");
        await Assertions.Expect(officer.Locator(".errors")).ToContainTextAsync("His latest wish does not name this destination.");
        await Assertions.Expect(officer.Locator("#request-status")).ToHaveTextAsync("Handover scheduled");
        await Assertions.Expect(officer.Locator("#review-form")).ToHaveCountAsync(0); // reviewing is an administrator's

        // An administrator reviews it: "continue" is refused while he wants to remain; he withdraws it with the reason.
        await using var adminContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var admin = await adminContext.NewPageAsync();
        await admin.GotoAsync(requestUrl);
        await BrowserFixture.LogInAsync(admin, PowRegistryFactory.AdminEmail, PowRegistryFactory.AdminPassword);
        await admin.GetByLabel("Continue (his latest statement names this destination again)").CheckAsync();
        await admin.GetByLabel("Reason for your decision").FillAsync("Carry on");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Record review" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".errors")).ToContainTextAsync("His latest statement does not name this destination again");
        await admin.GetByLabel("Withdraw the request").CheckAsync();
        await admin.GetByLabel("Reason for your decision").FillAsync("He stated in private that he wants to remain");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Record review" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#request-status")).ToHaveTextAsync("Withdrawn");
        await Assertions.Expect(admin.Locator("#request-reviews")).ToContainTextAsync("He stated in private that he wants to remain");

        // His custody timeline shows no transfer.
        await officer.GotoAsync(prisonerUrl);
        await Assertions.Expect(officer.Locator("ol.timeline")).Not.ToContainTextAsync("Transferred to third state");
        await Assertions.Expect(officer.GetByText("Custody status")).ToContainTextAsync("In custody");
    }
}
