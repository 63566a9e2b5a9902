using System.Net;
using System.Net.Http.Headers;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Api;
using PowRegistry.Core.Common;
using PowRegistry.Core.Data;

namespace PowRegistry.Web.Tests.Api;

/// <summary>Who may call the API: tokens, their scope, expiry and revocation, disabled users, and cookies kept apart from tokens.</summary>
public sealed class ApiTokenTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task WithoutAToken_TheApiAnswers401_AsProblemDetails_AskingForBearer()
    {
        using var client = app.Api(null);
        var response = await client.GetAsync("/api/v1/prisoners");
        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("Bearer", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer pwr_notARealTokenAtAllxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("Bearer something-else")]
    [InlineData("Basic YWRtaW46cGFzc3dvcmQ=")]
    public async Task AnUnknownOrMalformedToken_Is401(string header)
    {
        using var client = app.Api(null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);
        await (await client.GetAsync("/api/v1/prisoners")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AReadToken_ReadsTheRegister_ButEveryWriteIs403()
    {
        var prisoner = await app.PrisonerAsync();
        using var client = app.Api(await app.TokenAsync(Roles.CaseOfficer, ApiTokenScope.Read));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/prisoners")).StatusCode);
        var get = await client.GetAsync($"/api/v1/prisoners/{prisoner.Reference}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);

        await (await client.PostJsonAsync("/api/v1/prisoners", new { familyName = "Readonly" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PutAsync($"/api/v1/prisoners/{prisoner.Reference}", new { familyName = "Changed" }, get.Headers.ETag!.ToString())).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostJsonAsync($"/api/v1/prisoners/{prisoner.Reference}/aliases", new { name = "Planted" })).ProblemAsync(HttpStatusCode.Forbidden);
        var unchanged = await app.AsSystemAsync<PowRegistry.Core.Prisoners.PrisonerService, PowRegistry.Core.Prisoners.Prisoner?>(s => s.GetAsync(prisoner.Id, CancellationToken.None));
        Assert.Equal(prisoner.FamilyName, unchanged!.FamilyName);
        Assert.Empty(unchanged.Aliases);
    }

    [Fact]
    public async Task AnAuditorsReadWriteToken_StillCannotWrite_403()
    {
        using var client = app.Api(await app.TokenAsync(Roles.Auditor, ApiTokenScope.ReadWrite));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/prisoners")).StatusCode);
        await (await client.PostJsonAsync("/api/v1/prisoners", new { familyName = "Auditor" })).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnExpiredToken_Is401_FromTheMomentItExpires()
    {
        var (_, token) = await app.UserWithTokenAsync(Roles.CaseOfficer, ApiTokenScope.Read, days: 1);
        using var client = app.Api(token);
        app.Time.Advance(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/prisoners")).StatusCode);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await (await client.GetAsync("/api/v1/prisoners")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ARevokedToken_Is401_AtOnce()
    {
        var (userId, token) = await app.UserWithTokenAsync(Roles.CaseOfficer);
        using var client = app.Api(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/prisoners")).StatusCode);

        var id = await app.AsSystemAsync<PowRegistryDbContext, int>(db => db.ApiTokens.Where(t => t.UserId == userId).Select(t => t.Id).SingleAsync());
        await app.AsSystemAsync<ApiTokenService, ServiceResult<bool>>(s => s.RevokeAsync(id, Actor.System, CancellationToken.None));
        await (await client.GetAsync("/api/v1/prisoners")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ADisabledUsersToken_StopsWorking()
    {
        var (userId, token) = await app.UserWithTokenAsync(Roles.CaseOfficer);
        using var client = app.Api(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/prisoners")).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            user.IsDisabled = true; // the flag alone, without the lockout UserAdminService adds: the token check reads the flag
            await users.UpdateAsync(user);
        }
        await (await client.GetAsync("/api/v1/prisoners")).ProblemAsync(HttpStatusCode.Unauthorized);

        // …and no new token is issued to him.
        var refused = await app.AsSystemAsync<ApiTokenService, ServiceResult<(ApiToken Token, string Secret)>>(s =>
            s.IssueAsync(new ApiTokenInput { UserId = userId, Scope = ApiTokenScope.Read, Days = 1 }, Actor.System, CancellationToken.None));
        Assert.Contains(refused.Errors, e => e.Field == nameof(ApiTokenInput.UserId));
    }

    [Fact]
    public async Task ALockedOutUsersToken_KeepsWorking_SoFailedLoginsCannotSwitchOffAnIntegration()
    {
        var (userId, token) = await app.UserWithTokenAsync(Roles.CaseOfficer);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            Assert.True((await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1))).Succeeded);
        }
        using var client = app.Api(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/prisoners")).StatusCode);
    }

    [Fact]
    public async Task TheApi_RefusesTheSessionCookie_EvenOfAnAdministrator()
    {
        using var admin = await app.LoginAsAdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/Prisoners")).StatusCode);
        var response = await admin.Client.GetAsync("/api/v1/prisoners");
        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        var post = await admin.Client.PostAsync("/api/v1/prisoners", ApiHttp.Json(new { familyName = "ViaCookie" }));
        await post.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PagesRefuseABearerToken_AndSendToLogin()
    {
        using var client = app.Api(await app.TokenAsync(Roles.Administrator));
        var page = await client.GetAsync("/Prisoners");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Login", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApiActsAsTheTokensUser_InTheAuditTrail()
    {
        var (userId, token) = await app.UserWithTokenAsync(Roles.CaseOfficer);
        using var client = app.Api(token);
        var created = await client.PostJsonAsync("/api/v1/prisoners", new { familyName = "Audited" + Guid.NewGuid().ToString("N")[..6], givenNames = "Api", duplicatesChecked = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var reference = (string)(await created.ReadJsonAsync())["reference"]!;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/prisoners/{reference}")).StatusCode);

        var entries = await app.AsSystemAsync<PowRegistryDbContext, List<(string Action, string EntityType)>>(async db =>
            (await db.AuditEntries.Where(e => e.UserId == userId).Select(e => new { e.Action, e.EntityType }).ToListAsync()).Select(e => (e.Action, e.EntityType)).ToList());
        Assert.Contains(("Create", "Prisoner"), entries);
        Assert.Contains(("Access", "Prisoner"), entries);
    }

    [Fact]
    public async Task ApiResponses_CarryTheSecurityHeaders_AndAreNeverCached()
    {
        using var client = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        using var anonymous = app.Api(null);
        foreach (var response in new[] { await client.GetAsync("/api/v1/prisoners"), await anonymous.GetAsync("/api/v1/prisoners"), await client.GetAsync("/api/v1/prisoners/POW-1900-000001") })
        {
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal(PowRegistry.Web.Infrastructure.SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        }
    }

    [Fact]
    public async Task TheTokenIsStoredOnlyAsItsHash_AndTheAuditTrailNeverHoldsIt()
    {
        var (userId, token) = await app.UserWithTokenAsync(Roles.CaseOfficer);
        var stored = await app.AsSystemAsync<PowRegistryDbContext, ApiToken>(db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.UserId == userId));
        Assert.Equal(ApiToken.HashOf(token), stored.TokenHash);
        Assert.NotEqual(token, stored.TokenHash);
        Assert.True(token.Length >= ApiToken.Prefix.Length + 43, "256 random bits in base64url are 43 characters");
        var audit = await app.AsSystemAsync<PowRegistryDbContext, List<string>>(db => db.AuditEntries.Where(e => e.EntityType == nameof(ApiToken)).Select(e => e.Changes).ToListAsync());
        Assert.NotEmpty(audit);
        Assert.DoesNotContain(audit, c => c.Contains(stored.TokenHash, StringComparison.Ordinal) || c.Contains(token, StringComparison.Ordinal));
    }
}
