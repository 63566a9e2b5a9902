using System.Net;

using PowRegistry.Core.Accounts;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>Sessions against a clock the test moves: idle timeout, and a disabled account shut out within a minute.</summary>
public sealed class SessionClockTests(FakeClockRegistryFactory app) : IClassFixture<FakeClockRegistryFactory>
{
    [Fact]
    public async Task ADisabledAccount_LosesItsOpenSession_WithinAMinute()
    {
        var (officerId, email) = await app.CreateUserAsync(Roles.CaseOfficer);
        using var officer = await app.LoginAsync(email, PowRegistryFactory.OfficerPassword);
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/Prisoners")).StatusCode);

        using var admin = await app.LoginAsAdminAsync();
        var edit = await admin.GetAsync($"/Admin/Users/Edit/{officerId}");
        Assert.Contains("This account is disabled", (await admin.SubmitAsync(edit, "Disable account")).Text, StringComparison.Ordinal);

        app.Time.Advance(TimeSpan.FromSeconds(61));

        var after = await officer.Client.GetAsync("/Prisoners");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIdleSession_EndsAfter30Minutes_WhileAnActiveOneSlides()
    {
        using var active = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        using var idle = await app.LoginAsNewUserAsync(Roles.CaseOfficer);

        for (var i = 0; i < 4; i++)
        {
            app.Time.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await active.Client.GetAsync("/Prisoners")).StatusCode);
        }

        // 80 minutes since the idle user's last request.
        var response = await idle.Client.GetAsync("/Prisoners");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASessionIdleFor29Minutes_IsStillOpen_AndOneIdleFor31Minutes_IsNot()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        app.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/Prisoners")).StatusCode);
        app.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Client.GetAsync("/Prisoners")).StatusCode);
    }
}
