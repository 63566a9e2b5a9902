using System.Net;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>
/// Every signed-in request reads the account afresh (ADR-018): an administrator's change to a user's desks, role or
/// account holds on that user's very next request, with no clock moved and no cache to expire.
/// </summary>
public sealed class SessionStandingTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    [Fact]
    public async Task RemovingAUserFromADesk_HidesItsRecords_OnHisNextRequest()
    {
        var desk = (await app.AsSystemAsync<DeskService, ServiceResult<Desk>>(d => d.CreateAsync("Standing desk " + Guid.NewGuid().ToString("N")[..8], CancellationToken.None))).Value!;
        var prisoner = (await app.AsSystemAsync<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput
        {
            FamilyName = "Deskbound",
            Nationality = "KP",
            DetainingPower = "UA",
            DateOfCapture = Arrange.Day(-10),
            DeskId = desk.Id,
            DuplicatesChecked = true,
        }, Actor.System, CancellationToken.None))).Value!;
        var (officerId, email) = await app.CreateUserAsync(Roles.CaseOfficer, desk.Id);
        using var officer = await app.LoginAsync(email, PowRegistryFactory.OfficerPassword);
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync($"/Prisoners/{prisoner.Id}")).StatusCode);

        await app.AsSystemAsync<DeskService, ServiceResult<bool>>(d => d.SetMembershipAsync(officerId, [Desk.DefaultDeskId], CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, (await officer.Client.GetAsync($"/Prisoners/{prisoner.Id}")).StatusCode);
        Assert.DoesNotContain("Deskbound", (await officer.GetAsync("/Prisoners")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisablingAUser_EndsHisOpenSession_OnHisNextRequest()
    {
        var (officerId, email) = await app.CreateUserAsync(Roles.CaseOfficer);
        using var officer = await app.LoginAsync(email, PowRegistryFactory.OfficerPassword);
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/Prisoners")).StatusCode);

        await app.AsSystemAsync<UserAdminService, ServiceResult<bool>>(u => u.SetDisabledAsync(officerId, true, Actor.System));

        var after = await officer.Client.GetAsync("/Prisoners");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnablingTheUserAgain_DoesNotRevive_TheSessionThatWasEnded()
    {
        var (officerId, email) = await app.CreateUserAsync(Roles.CaseOfficer);
        using var officer = await app.LoginAsync(email, PowRegistryFactory.OfficerPassword);
        await app.AsSystemAsync<UserAdminService, ServiceResult<bool>>(u => u.SetDisabledAsync(officerId, true, Actor.System));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Client.GetAsync("/Prisoners")).StatusCode);

        await app.AsSystemAsync<UserAdminService, ServiceResult<bool>>(u => u.SetDisabledAsync(officerId, false, Actor.System));

        Assert.Equal(HttpStatusCode.Redirect, (await officer.Client.GetAsync("/Prisoners")).StatusCode);
    }

    [Fact]
    public async Task ChangingAUsersRole_EndsHisOpenSession_OnHisNextRequest()
    {
        var (officerId, email) = await app.CreateUserAsync(Roles.CaseOfficer);
        using var officer = await app.LoginAsync(email, PowRegistryFactory.OfficerPassword);
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/Prisoners/Create")).StatusCode);

        await app.AsSystemAsync<UserAdminService, ServiceResult<bool>>(u => u.ChangeRoleAsync(officerId, Roles.Auditor, Actor.System));

        var after = await officer.Client.GetAsync("/Prisoners/Create");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnchangedAccount_KeepsItsSession_AcrossManyRequests()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/Prisoners")).StatusCode);
    }
}
