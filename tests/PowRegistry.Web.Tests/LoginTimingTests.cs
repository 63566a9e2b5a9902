using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>
/// Whether an account exists, is disabled or is locked out must not show in how long a refused login takes. Time is
/// too noisy to assert on these shared machines, so the test counts what the time is made of: every refused login
/// costs exactly one password hash check (PBKDF2, about 160 ms), whatever the account's state, and says the same words.
/// </summary>
public sealed class LoginTimingTests(LoginTimingTests.App app) : IClassFixture<LoginTimingTests.App>
{
    /// <summary>The application with its password hasher wrapped so that each hash check is counted.</summary>
    public sealed class App : PowRegistryFactory
    {
        public CountingHasher Hasher { get; } = new();

        protected override bool KeepPasswordHashCost => true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<AppUser>>(sp =>
                Hasher.Wrapping(new PasswordHasher<AppUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()))));
        }
    }

    public sealed class CountingHasher
    {
        private int _checks;
        public int Checks => _checks;
        public void Reset() => Interlocked.Exchange(ref _checks, 0);
        public IPasswordHasher<AppUser> Wrapping(IPasswordHasher<AppUser> inner) => new Counted(inner, this);

        private sealed class Counted(IPasswordHasher<AppUser> inner, CountingHasher counter) : IPasswordHasher<AppUser>
        {
            public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

            public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
            {
                Interlocked.Increment(ref counter._checks);
                return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
            }
        }
    }

    [Fact]
    public async Task EveryRefusedLogin_CostsOnePasswordCheck_AndReadsTheSame_WhateverTheAccountsState()
    {
        var active = (await app.CreateUserAsync(Roles.CaseOfficer)).Email;
        var disabled = await app.CreateUserAsync(Roles.CaseOfficer);
        await app.AsSystemAsync<UserAdminService, ServiceResult<bool>>(u => u.SetDisabledAsync(disabled.Id, true, Actor.System));
        var locked = await app.CreateUserAsync(Roles.CaseOfficer);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(locked.Id))!;
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1));
        }

        var answers = new Dictionary<string, string>();
        foreach (var (state, email) in new[] { ("no such account", "nobody-" + Guid.NewGuid().ToString("N") + "@powregistry.test"), ("wrong password", active), ("disabled", disabled.Email), ("locked out", locked.Email) })
        {
            using var session = app.NewSession();
            var login = await session.GetAsync("/Account/Login");
            app.Hasher.Reset();
            var refused = await session.SubmitAsync(login, "Log in", new Dictionary<string, string?> { ["Email"] = email, ["Password"] = "not the password at all" });
            Assert.True(app.Hasher.Checks == 1, $"{state}: {app.Hasher.Checks} password checks");
            Assert.Contains("/Account/Login", refused.Url, StringComparison.Ordinal);
            answers[state] = refused.Document.QuerySelector("[role=alert]")?.TextContent.Trim() ?? "";
        }
        Assert.Single(answers.Values.Distinct());
        Assert.Contains("The email or password is not right", answers["no such account"], StringComparison.Ordinal);
    }
}
