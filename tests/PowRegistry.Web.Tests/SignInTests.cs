using System.Buffers.Binary;
using System.Net;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>Passwords, lockout, cookies and server-side sessions (OWASP ASVS level 2, chapters 2 and 3).</summary>
public sealed class SignInTests(SignInTests.App app) : IClassFixture<SignInTests.App>
{
    /// <summary>The app's own password hashing (210,000 iterations), which the other test classes lower.</summary>
    public sealed class App : PowRegistryFactory
    {
        protected override bool KeepPasswordHashCost => true;
    }

    [Fact]
    public async Task ACommonPassword_IsRefused_WhenAnAdministratorCreatesAUser()
    {
        using var admin = await app.LoginAsAdminAsync();
        var form = await admin.GetAsync("/Admin/Users/Create");
        var result = await admin.SubmitAsync(form, "Create user", new Dictionary<string, string?>
        {
            ["Email"] = "common.password@powregistry.test",
            ["Display name"] = "Common Password",
            ["Initial password"] = "Password1234",
        });
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("This password is too common", result.ErrorFor("Form.Password"), StringComparison.Ordinal);
        Assert.DoesNotContain("common.password@powregistry.test", (await admin.GetAsync("/Admin/Users")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHashMadeWithFewerIterations_IsUpgradedTo210000_AtTheNextLogin()
    {
        var email = await CreateUserAsync(Roles.CaseOfficer);
        var oldHasher = new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
            var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.PasswordHash = oldHasher.HashPassword(user, PowRegistryFactory.OfficerPassword);
            await db.SaveChangesAsync();
        }
        Assert.Equal(100_000, await StoredIterationsAsync(email));

        using var session = await app.LoginAsync(email, PowRegistryFactory.OfficerPassword);

        Assert.Equal(210_000, await StoredIterationsAsync(email));
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_SoTheRightPasswordIsRefusedToo()
    {
        var email = await CreateUserAsync(Roles.CaseOfficer);
        using var session = app.NewSession();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await session.TryLoginAsync(email, $"wrong password number {i}");
            Assert.Contains("/Account/Login", wrong.Url, StringComparison.Ordinal);
        }

        var right = await session.TryLoginAsync(email, PowRegistryFactory.OfficerPassword);

        Assert.Contains("/Account/Login", right.Url, StringComparison.Ordinal);
        Assert.Contains("The email or password is not right, or the account is locked", right.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/Prisoners")).StatusCode);
    }

    [Fact]
    public async Task FourWrongPasswords_DoNotLock_AndASuccessfulLoginStartsTheCountAgain()
    {
        var email = await CreateUserAsync(Roles.CaseOfficer);
        using var session = app.NewSession();
        for (var i = 0; i < 4; i++) await session.TryLoginAsync(email, $"wrong password number {i}");
        await session.LoginAsync(email, PowRegistryFactory.OfficerPassword);
    }

    [Fact]
    public async Task EveryCookie_IsHostPrefixed_Secure_HttpOnly_AndSameSiteStrict()
    {
        using var session = app.NewSession();
        var login = await session.Client.GetAsync("/Account/Login");
        var page = await session.GetAsync("/Account/Login");
        var posted = await session.SubmitAsync(page, "Log in", new Dictionary<string, string?> { ["Email"] = PowRegistryFactory.AdminEmail, ["Password"] = PowRegistryFactory.AdminPassword }, follow: false);

        var setCookies = login.Headers.GetValues("Set-Cookie").Concat(posted.Response.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(setCookies, c => c.StartsWith("__Host-PowRegistry=", StringComparison.Ordinal));
        Assert.Contains(setCookies, c => c.StartsWith("__Host-PowRegistry.Antiforgery=", StringComparison.Ordinal));
        Assert.All(setCookies, cookie =>
        {
            var parts = cookie.Split(';', StringSplitOptions.TrimEntries).Select(p => p.ToLowerInvariant()).ToList();
            Assert.StartsWith("__Host-", cookie, StringComparison.Ordinal);
            Assert.Contains("secure", parts);
            Assert.Contains("httponly", parts);
            Assert.Contains("samesite=strict", parts);
            Assert.Contains("path=/", parts);
            Assert.DoesNotContain(parts, p => p.StartsWith("domain=", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task TheSessionCookie_CarriesOnlyAKey_NotTheUsersClaims()
    {
        using var session = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var cookie = session.Cookie("__Host-PowRegistry");
        Assert.NotNull(cookie);
        // A full ticket (id, name, email, role, security stamp) protected by Data Protection is well over 1,000
        // characters; one that holds only the session key is a few hundred.
        Assert.InRange(cookie.Length, 1, 600);
    }

    [Fact]
    public async Task ACopiedSessionCookie_NoLongerWorks_AfterLogout()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var copied = officer.Cookie("__Host-PowRegistry");
        Assert.NotNull(copied);
        using (var replayBefore = app.NewClientWithoutCookies())
        {
            replayBefore.DefaultRequestHeaders.Add("Cookie", $"__Host-PowRegistry={copied}");
            Assert.Equal(HttpStatusCode.OK, (await replayBefore.GetAsync("/Prisoners")).StatusCode);
        }

        var home = await officer.GetAsync("/");
        var loggedOut = await officer.SubmitAsync(home, "Log out");
        Assert.Contains("/Account/Login", loggedOut.Url, StringComparison.Ordinal);

        using var replay = app.NewClientWithoutCookies();
        replay.DefaultRequestHeaders.Add("Cookie", $"__Host-PowRegistry={copied}");
        var response = await replay.GetAsync("/Prisoners");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task<string> CreateUserAsync(string role) => (await app.CreateUserAsync(role)).Email;

    /// <summary>Identity's v3 hash format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), salt length, salt, subkey.</summary>
    private async Task<int> StoredIterationsAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
        var hash = Convert.FromBase64String((await db.Users.AsNoTracking().SingleAsync(u => u.Email == email)).PasswordHash!);
        Assert.Equal(0x01, hash[0]);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4));
    }
}
