using System.Net;

using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>Two app instances on one database file, as behind a load balancer that sends each request anywhere (ADR-022).</summary>
public class TwoInstances : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"powregistry-two-{Guid.NewGuid():N}");

    public TwoInstances() : this(keepLoginRateLimit: false)
    {
    }

    protected TwoInstances(bool keepLoginRateLimit, int? apiRequestsPerMinute = null)
    {
        A = new InstanceFactory(_folder, keepLoginRateLimit: keepLoginRateLimit, apiRequestsPerMinute: apiRequestsPerMinute);
        _ = A.Services; // A migrates and creates the administrator; B then starts on the same database
        B = new InstanceFactory(_folder, keepLoginRateLimit: keepLoginRateLimit, apiRequestsPerMinute: apiRequestsPerMinute);
        _ = B.Services;
    }

    public InstanceFactory A { get; }
    public InstanceFactory B { get; }

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Two instances with the production login rate limit (10 a minute per account and per address).</summary>
public sealed class TwoRateLimitedInstances() : TwoInstances(keepLoginRateLimit: true);

/// <summary>Two instances allowing 4 API requests a minute per token.</summary>
public sealed class TwoApiLimitedInstances() : TwoInstances(keepLoginRateLimit: false, apiRequestsPerMinute: 4);

public sealed class SeveralInstancesTests(TwoInstances two) : IClassFixture<TwoInstances>
{
    private const string SessionCookie = "__Host-PowRegistry";

    private InstanceFactory A => two.A;
    private InstanceFactory B => two.B;

    [Fact]
    public async Task ASessionFromA_WorksOnB_AndLogoutOnA_EndsItOnBoth()
    {
        var (_, email) = await A.CreateUserAsync(Roles.CaseOfficer);
        using var onA = await A.LoginAsync(email, PowRegistryFactory.OfficerPassword);
        using var onB = B.NewSession(onA.Cookies); // the same browser, its next requests sent to B

        Assert.Equal(HttpStatusCode.OK, (await onB.Client.GetAsync("/Prisoners")).StatusCode);
        // B's antiforgery check accepts A's token too: the Data Protection keys are the same.
        var record = await onB.GetAsync("/Prisoners/Create");
        Assert.Equal(HttpStatusCode.OK, record.Status);

        var copied = onA.Cookie(SessionCookie);
        var loggedOut = await onB.SubmitAsync(await onA.GetAsync("/"), "Log out"); // the form from A, posted to B
        Assert.Contains("/Account/Login", loggedOut.Url, StringComparison.Ordinal);

        foreach (var instance in new PowRegistryFactory[] { A, B })
        {
            using var replay = instance.NewClientWithoutCookies();
            replay.DefaultRequestHeaders.Add("Cookie", $"{SessionCookie}={copied}");
            var response = await replay.GetAsync("/Prisoners");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DisablingAUserOnA_EndsHisSessionOnB_AtHisNextRequest()
    {
        var (id, email) = await A.CreateUserAsync(Roles.CaseOfficer);
        using var onB = await B.LoginAsync(email, PowRegistryFactory.OfficerPassword);
        Assert.Equal(HttpStatusCode.OK, (await onB.Client.GetAsync("/Prisoners")).StatusCode);

        var disabled = await A.AsSystemAsync<UserAdminService, ServiceResult<bool>>(u => u.SetDisabledAsync(id, true, Actor.System));
        Assert.True(disabled.Succeeded);

        var next = await onB.Client.GetAsync("/Prisoners");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Contains("/Account/Login", next.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoOfficersEditingOneRecord_ThroughAAndB_TheSecondGetsTheConflict_AndNothingIsOverwritten()
    {
        var prisoner = (await A.AsSystemAsync<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput
        {
            FamilyName = "Kovalenko",
            Nationality = "UA",
            DetainingPower = "RU",
            DeskId = Desk.DefaultDeskId,
            DuplicatesChecked = true,
        }, Actor.System, CancellationToken.None))).Value!;
        using var first = await A.LoginAsNewUserAsync(Roles.CaseOfficer);
        using var second = await B.LoginAsNewUserAsync(Roles.CaseOfficer);
        var editOnA = await first.GetAsync($"/Prisoners/{prisoner.Id}/Edit");
        var editOnB = await second.GetAsync($"/Prisoners/{prisoner.Id}/Edit");

        var saved = await first.SubmitAsync(editOnA, "Save", new Dictionary<string, string?> { ["Rank"] = "Sergeant" });
        Assert.DoesNotContain("/Edit", saved.Url, StringComparison.Ordinal);
        var refused = await second.SubmitAsync(editOnB, "Save", new Dictionary<string, string?> { ["Rank"] = "Private" });

        Assert.Contains("Someone else saved this record while you were editing it.", refused.Text, StringComparison.Ordinal);
        var stored = await B.AsSystemAsync<PrisonerService, PrisonerInput?>(s => s.GetForEditAsync(prisoner.Id, CancellationToken.None));
        Assert.Equal("Sergeant", stored!.Rank);
    }

    [Fact]
    public async Task FailedLoginsSpreadOverAAndB_LockTheAccountAtTheFifth()
    {
        var (id, email) = await A.CreateUserAsync(Roles.CaseOfficer);
        for (var i = 1; i <= 4; i++)
        {
            using var guess = (i % 2 == 0 ? A : B).NewSession();
            await guess.TryLoginAsync(email, "wrong password number " + i);
        }
        Assert.False(await IsLockedOutAsync(id));

        using (var fifth = B.NewSession()) await fifth.TryLoginAsync(email, "wrong password number 5");

        Assert.True(await IsLockedOutAsync(id));
        using var rightPassword = A.NewSession();
        Assert.Contains("/Account/Login", (await rightPassword.TryLoginAsync(email, PowRegistryFactory.OfficerPassword)).Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveFailedLoginsArrivingTogether_OnAAndB_LockTheAccount()
    {
        var (id, email) = await A.CreateUserAsync(Roles.CaseOfficer);
        var sessions = Enumerable.Range(1, 5).Select(i => (i % 2 == 0 ? A : B).NewSession()).ToList();
        var pages = await Task.WhenAll(sessions.Select(s => s.GetAsync("/Account/Login")));

        await Task.WhenAll(sessions.Select((s, i) => s.SubmitAsync(pages[i], "Log in",
            new Dictionary<string, string?> { ["Email"] = email, ["Password"] = "simultaneous wrong guess " + i })));

        Assert.True(await IsLockedOutAsync(id));
        foreach (var session in sessions) session.Dispose();
    }

    [Fact]
    public async Task BothInstancesShareOneKeyRing_InTheDatabase_UnderOneApplicationName()
    {
        foreach (var instance in new PowRegistryFactory[] { A, B })
        {
            Assert.Equal("PowRegistry", instance.Services.GetRequiredService<IOptions<DataProtectionOptions>>().Value.ApplicationDiscriminator);
        }
        await using var scope = A.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>().DataProtectionKeys.CountAsync();
        Assert.Equal(1, keys); // one key, made by whichever instance started first, used by both
    }

    [Fact]
    public async Task AnImportPreviewedOnA_IsConfirmedOnB()
    {
        var (_, email) = await A.CreateUserAsync(Roles.CaseOfficer);
        using var onA = await A.LoginAsync(email, PowRegistryFactory.OfficerPassword);
        using var onB = B.NewSession(onA.Cookies);
        var file = System.Text.Encoding.UTF8.GetBytes("family_name,given_names,date_of_birth,nationality\nZzyzxpreview,Chol,1999-05-01,KP\n");

        var preview = await ImportTests.UploadAsync(onA, file);
        Assert.Contains("1 rows: 1 valid", preview.Text, StringComparison.Ordinal);
        var result = await onB.SubmitAsync(preview, "Import");

        Assert.Contains("1 prisoners registered, 0 rows skipped.", result.Text, StringComparison.Ordinal);
    }

    private async Task<bool> IsLockedOutAsync(string userId)
    {
        await using var scope = B.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.IsLockedOutAsync((await users.FindByIdAsync(userId))!);
    }
}

/// <summary>The login rate limit counts attempts in the database, whichever instance each reached.</summary>
public sealed class SeveralInstancesRateLimitTests(TwoRateLimitedInstances two) : IClassFixture<TwoRateLimitedInstances>
{
    [Fact]
    public async Task TenAttemptsOnOneAccount_SpreadOverAAndB_TheEleventhIsRefused()
    {
        const string target = "spread.target@powregistry.test";
        for (var i = 1; i <= 10; i++)
        {
            using var attacker = (i % 2 == 0 ? two.A : two.B).NewSession().From($"198.51.100.{i}");
            Assert.Equal(HttpStatusCode.OK, (await attacker.TryLoginAsync(target, "guessed password " + i)).Status);
        }

        using var eleventh = two.A.NewSession().From("198.51.100.11");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await eleventh.TryLoginAsync(target, "guessed password 11")).Status);
        using var twelfth = two.B.NewSession().From("198.51.100.12");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await twelfth.TryLoginAsync(target, "guessed password 12")).Status);
    }

    [Fact]
    public async Task TenAttemptsFromOneAddress_SpreadOverAAndB_TheEleventhIsRefused()
    {
        for (var i = 1; i <= 10; i++)
        {
            using var sprayer = (i % 2 == 0 ? two.A : two.B).NewSession().From("203.0.113.77");
            Assert.Equal(HttpStatusCode.OK, (await sprayer.TryLoginAsync($"sprayed.{i}@powregistry.test", "summer password 2025")).Status);
        }

        using var eleventh = two.B.NewSession().From("203.0.113.77");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await eleventh.TryLoginAsync(PowRegistryFactory.AdminEmail, PowRegistryFactory.AdminPassword)).Status);
    }
}

public sealed class SeveralInstancesApiLimitTests(TwoApiLimitedInstances two) : IClassFixture<TwoApiLimitedInstances>
{
    private async Task<string> TokenAsync()
    {
        var (userId, _) = await two.A.CreateUserAsync(Roles.CaseOfficer);
        var issued = await two.A.AsSystemAsync<Core.Api.ApiTokenService, ServiceResult<(Core.Api.ApiToken Token, string Secret)>>(s =>
            s.IssueAsync(new Core.Api.ApiTokenInput { UserId = userId, Scope = Core.Api.ApiTokenScope.Read, Days = 30, Name = "spread" }, Actor.System, CancellationToken.None));
        Assert.True(issued.Succeeded);
        return issued.Value.Secret;
    }

    private static HttpClient Api(InstanceFactory instance, string token)
    {
        var client = instance.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = PowRegistryFactory.BaseAddress, AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task OneTokensRequests_SpreadOverAAndB_AreCountedTogether()
    {
        var token = await TokenAsync();
        using var onA = Api(two.A, token);
        using var onB = Api(two.B, token);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) statuses.Add((await (i % 2 == 0 ? onA : onB).GetAsync("/api/v1/prisoners")).StatusCode);

        // Four allowed in the minute over both instances; per instance, each would have allowed all three of its own.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);

        using var another = Api(two.B, await TokenAsync());
        Assert.Equal(HttpStatusCode.OK, (await another.GetAsync("/api/v1/prisoners")).StatusCode);
    }
}

/// <summary>Instances starting at the same moment on an empty database (what an orchestrator does after a deploy).</summary>
public sealed class InstancesStartingTogetherTests
{
    [Fact]
    public async Task OnAnEmptyDatabase_TheyMigrateOnce_AndIssueOneSetupToken_ThatEitherAccepts()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"powregistry-together-{Guid.NewGuid():N}");
        using var a = new InstanceFactory(folder, bootstrapAdmin: false);
        using var b = new InstanceFactory(folder, bootstrapAdmin: false);

        await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));

        var issued = new[] { a, b }.Select(i => i.Services.GetRequiredService<SetupToken>().Value).Where(v => v is not null).ToList();
        var token = Assert.Single(issued);
        foreach (var instance in new[] { a, b })
        {
            Assert.True(await instance.Services.GetRequiredService<SetupToken>().MatchesAsync(token, CancellationToken.None));
        }
        await using var scope = a.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
        Assert.Equal(1, await db.SetupTokens.CountAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync()).Count());
    }

    [Fact]
    public async Task WithABootstrapAdministrator_TheyCreateHimOnce()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"powregistry-together-{Guid.NewGuid():N}");
        using var a = new InstanceFactory(folder);
        using var b = new InstanceFactory(folder);

        await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));

        await using var scope = b.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Equal(1, await users.Users.CountAsync());
        Assert.Single(await users.GetUsersInRoleAsync(Roles.Administrator));
        using var session = a.NewSession();
        await session.LoginAsync(PowRegistryFactory.AdminEmail, PowRegistryFactory.AdminPassword);
    }
}

/// <summary>A sliding session is renewed in the database when a renewal is due, not at every request.</summary>
public sealed class SessionRenewalTests(FakeClockRegistryFactory app) : IClassFixture<FakeClockRegistryFactory>
{
    [Fact]
    public async Task RequestsWithinAMinute_DoNotWriteTheSession_TheFirstAfterItRenewsIt()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var signedIn = await ExpiryAsync();

        for (var i = 0; i < 5; i++)
        {
            app.Time.Advance(TimeSpan.FromSeconds(10));
            Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/Prisoners")).StatusCode);
            Assert.Equal(signedIn, await ExpiryAsync());
        }

        app.Time.Advance(TimeSpan.FromSeconds(15)); // 65 s: the security stamp is due for its check, which renews
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/Prisoners")).StatusCode);
        var renewed = app.Time.GetUtcNow() + TimeSpan.FromMinutes(30); // the ticket keeps whole seconds
        Assert.InRange(await ExpiryAsync(), renewed.AddSeconds(-1), renewed);
    }

    private async Task<DateTimeOffset> ExpiryAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>().Sessions.Select(s => s.ExpiresAt).SingleAsync();
    }
}
