using System.Net;

using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Accounts;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

public sealed class FirstRunTests(EmptyRegistryFactory app) : IClassFixture<EmptyRegistryFactory>
{
    [Fact]
    public async Task WithNoUser_LoginPointsToSetup_AndTheLoggedTokenCreatesTheFirstAdministrator()
    {
        using var session = app.NewSession();
        var login = await session.GetAsync("/Account/Login");
        Assert.Contains("No account exists yet.", login.Text, StringComparison.Ordinal);

        var setup = await session.GetAsync("/Setup");
        var wrong = await session.SubmitAsync(setup, "Create administrator", new Dictionary<string, string?>
        {
            ["Setup token"] = "not-the-token",
            ["Email"] = "first@powregistry.test",
            ["Display name"] = "First Admin",
            ["Password"] = "a long enough passphrase",
        });
        Assert.Contains("This setup token is not valid.", wrong.Text, StringComparison.Ordinal);

        var token = app.Services.GetRequiredService<SetupToken>().Value;
        Assert.False(string.IsNullOrEmpty(token));
        var done = await session.SubmitAsync(wrong, "Create administrator", new Dictionary<string, string?>
        {
            ["Setup token"] = token,
            ["Email"] = "first@powregistry.test",
            ["Display name"] = "First Admin",
            ["Password"] = "a long enough passphrase",
        });
        Assert.Contains("/Account/Login", done.Url, StringComparison.Ordinal);

        await session.LoginAsync("first@powregistry.test", "a long enough passphrase");
        var users = await session.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.OK, users.Status);
        Assert.Contains("first@powregistry.test", users.Text, StringComparison.Ordinal);

        // The token dies once used, and setup is closed.
        Assert.Null(app.Services.GetRequiredService<SetupToken>().Value);
        using var other = app.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await other.Client.GetAsync("/Setup")).StatusCode);
    }
}

public sealed class AccountTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    [Fact]
    public async Task BootstrapAdministrator_FromConfiguration_CanLogIn()
    {
        using var admin = await app.LoginAsAdminAsync();
        var home = await admin.GetAsync("/");
        Assert.Contains("Manage users", home.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPassword_IsRefused_WithAMessage()
    {
        using var session = app.NewSession();
        var login = await session.GetAsync("/Account/Login");
        var result = await session.SubmitAsync(login, "Log in", new Dictionary<string, string?> { ["Email"] = PowRegistryFactory.AdminEmail, ["Password"] = "wrong password entirely" });
        Assert.Contains("/Account/Login", result.Url, StringComparison.Ordinal);
        Assert.Contains("The email or password is not right", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogOut_EndsTheSession()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var home = await officer.GetAsync("/");
        var loggedOut = await officer.SubmitAsync(home, "Log out");
        Assert.Contains("/Account/Login", loggedOut.Url, StringComparison.Ordinal);
        var again = await officer.Client.GetAsync("/Prisoners");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task Administrator_CreatesAUser_WhoCanLogInWithTheirRole()
    {
        using var admin = await app.LoginAsAdminAsync();
        var form = await admin.GetAsync("/Admin/Users/Create");
        var created = await admin.SubmitAsync(form, "Create user", new Dictionary<string, string?>
        {
            ["Email"] = "auditor.one@powregistry.test",
            ["Display name"] = "Auditor One",
            ["Role"] = Roles.Auditor,
            ["Initial password"] = "auditor passphrase 1",
        });
        Assert.Contains("User auditor.one@powregistry.test created.", created.Text, StringComparison.Ordinal);
        Assert.Contains("Auditor (read-only)", created.Text, StringComparison.Ordinal);

        using var auditor = await app.LoginAsync("auditor.one@powregistry.test", "auditor passphrase 1");
        var register = await auditor.GetAsync("/Prisoners");
        Assert.Equal(HttpStatusCode.OK, register.Status);
        Assert.DoesNotContain("Register a prisoner", register.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Name", "Enter an email address.")]
    [InlineData("not-an-email", "Name", "Enter a valid email address.")]
    [InlineData("short.password@powregistry.test", "Name", "Passwords must be at least 12 characters.")]
    public async Task CreateUser_ShowsWhatIsWrong(string email, string name, string message)
    {
        using var admin = await app.LoginAsAdminAsync();
        var form = await admin.GetAsync("/Admin/Users/Create");
        var result = await admin.SubmitAsync(form, "Create user", new Dictionary<string, string?>
        {
            ["Email"] = email,
            ["Display name"] = name,
            ["Initial password"] = email.StartsWith("short", StringComparison.Ordinal) ? "short" : "long enough password",
        });
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(message, result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_ChangesARole_AndDisablesAnAccount()
    {
        using var admin = await app.LoginAsAdminAsync();
        var form = await admin.GetAsync("/Admin/Users/Create");
        await admin.SubmitAsync(form, "Create user", new Dictionary<string, string?>
        {
            ["Email"] = "leaver@powregistry.test",
            ["Display name"] = "Leaver",
            ["Role"] = Roles.CaseOfficer,
            ["Initial password"] = "leaver passphrase 1",
        });
        var list = await admin.GetAsync("/Admin/Users");
        var editLink = list.Document.QuerySelectorAll("tr").First(r => r.TextContent.Contains("leaver@powregistry.test", StringComparison.Ordinal)).QuerySelector("a")!.GetAttribute("href")!;

        var edit = await admin.GetAsync(editLink);
        var changed = await admin.SubmitAsync(edit, "Change role", new Dictionary<string, string?> { ["role"] = Roles.Auditor });
        Assert.Contains("Role changed.", changed.Text, StringComparison.Ordinal);
        Assert.Contains("Auditor (read-only)", (await admin.GetAsync("/Admin/Users")).Text, StringComparison.Ordinal);

        var disabled = await admin.SubmitAsync(changed, "Disable account");
        Assert.Contains("This account is disabled", disabled.Text, StringComparison.Ordinal);

        using var leaver = app.NewSession();
        var login = await leaver.GetAsync("/Account/Login");
        var refused = await leaver.SubmitAsync(login, "Log in", new Dictionary<string, string?> { ["Email"] = "leaver@powregistry.test", ["Password"] = "leaver passphrase 1" });
        Assert.Contains("/Account/Login", refused.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLastAdministrator_CannotBeDemotedOrDisabled()
    {
        using var admin = await app.LoginAsAdminAsync();
        var list = await admin.GetAsync("/Admin/Users");
        var editLink = list.Document.QuerySelectorAll("tr").First(r => r.TextContent.Contains(PowRegistryFactory.AdminEmail, StringComparison.Ordinal)).QuerySelector("a")!.GetAttribute("href")!;
        var edit = await admin.GetAsync(editLink);

        var demoted = await admin.SubmitAsync(edit, "Change role", new Dictionary<string, string?> { ["role"] = Roles.CaseOfficer });
        Assert.Contains("last active administrator", demoted.Text, StringComparison.Ordinal);
        var disabled = await admin.SubmitAsync(edit, "Disable account");
        Assert.Contains("You cannot disable your own account.", disabled.Text, StringComparison.Ordinal);
    }
}
