using System.Net;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Hosting;

using PowRegistry.Core.Accounts;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests.Api;

/// <summary>Tokens as administrators issue them (page and command line), the OpenAPI document, the reference page, and the rate limit.</summary>
public sealed class ApiAdminTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AnAdministrator_IssuesATokenOnThePage_ItIsShownOnce_Works_AndRevokingEndsIt()
    {
        var (userId, email) = await app.CreateUserAsync(Roles.CaseOfficer);
        using var admin = await app.LoginAsAdminAsync();
        var page = await admin.GetAsync("/Admin/Tokens");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var issued = await admin.SubmitAsync(page, "Issue token", new Dictionary<string, string?>
        {
            ["Form.UserId"] = userId,
            ["Form.Name"] = "Tracing sync",
            ["Form.Scope"] = "ReadWrite",
            ["Form.Days"] = "30",
        });
        var token = issued.Document.QuerySelector("#issued-token code")?.TextContent.Trim();
        Assert.NotNull(token);
        Assert.StartsWith("pwr_", token, StringComparison.Ordinal);
        Assert.Contains(email, issued.Text, StringComparison.Ordinal);

        using var client = app.Api(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/prisoners")).StatusCode);

        // Shown once: the list shows only its first characters.
        var again = await admin.GetAsync("/Admin/Tokens");
        Assert.DoesNotContain(token, again.Text, StringComparison.Ordinal);
        Assert.Contains(token[..10], again.Text, StringComparison.Ordinal);

        var row = again.Document.QuerySelectorAll("tr").First(r => r.TextContent.Contains("Tracing sync", StringComparison.Ordinal));
        var revokeAction = row.QuerySelector("form")!.GetAttribute("action")!;
        var revoked = await admin.PostRawAsync(again, revokeAction, []);
        Assert.Contains("revoked", revoked.Text, StringComparison.OrdinalIgnoreCase);
        await (await client.GetAsync("/api/v1/prisoners")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheTokenPage_RefusesBadInput_AndIsForAdministratorsOnly()
    {
        using var admin = await app.LoginAsAdminAsync();
        var page = await admin.GetAsync("/Admin/Tokens");
        var refused = await admin.SubmitAsync(page, "Issue token", new Dictionary<string, string?> { ["Form.Days"] = "5000" });
        Assert.Null(refused.Document.QuerySelector("#issued-token"));
        Assert.Contains("1 to 366 days", refused.Text, StringComparison.Ordinal);

        // Values that do not bind must not fall back to defaults and issue a token anyway.
        var (userId, _) = await app.CreateUserAsync(Roles.CaseOfficer);
        foreach (var (field, value) in new[] { ("Form.Days", "abc"), ("Form.Scope", "Everything") })
        {
            var form = await admin.GetAsync("/Admin/Tokens");
            var garbled = await admin.SubmitAsync(form, "Issue token", new Dictionary<string, string?> { ["Form.UserId"] = userId, [field] = value });
            Assert.Null(garbled.Document.QuerySelector("#issued-token"));
        }
        Assert.Equal(0, await app.AsSystemAsync<PowRegistry.Core.Data.PowRegistryDbContext, int>(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ApiTokens, t => t.UserId == userId, default)));

        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var denied = await officer.GetAsync("/Admin/Tokens", follow: false);
        Assert.NotEqual(HttpStatusCode.OK, denied.Status);
    }

    [Fact]
    public async Task TheCreateTokenCommand_PrintsATokenThatWorks()
    {
        var (_, email) = await app.CreateUserAsync(Roles.Auditor);
        var (exit, output) = await AppProcess.RunAsync(AppProcess.EnvironmentFor(app), "create-token", "--email", email, "--scope", "read", "--days", "7");
        Assert.True(exit == 0, output);
        var token = output.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("Token: ", StringComparison.Ordinal))["Token: ".Length..];

        using var client = app.Api(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/prisoners")).StatusCode);
        await (await client.PostJsonAsync("/api/v1/prisoners", new { familyName = "ReadOnly" })).ProblemAsync(HttpStatusCode.Forbidden);

        var (badExit, _) = await AppProcess.RunAsync(AppProcess.EnvironmentFor(app), "create-token", "--email", email, "--scope", "everything");
        Assert.Equal(2, badExit);
        var (unknownExit, _) = await AppProcess.RunAsync(AppProcess.EnvironmentFor(app), "create-token", "--email", "nobody@powregistry.test", "--scope", "read");
        Assert.Equal(1, unknownExit);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheApi_InCamelCase_ForAdministrators()
    {
        using var admin = await app.LoginAsAdminAsync();
        var response = await admin.Client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[] { "/api/v1/prisoners", "/api/v1/prisoners/{reference}", "/api/v1/prisoners/{reference}/aliases", "/api/v1/prisoners/{reference}/custody-events",
                     "/api/v1/prisoners/{reference}/wishes", "/api/v1/requests", "/api/v1/requests/{id}", "/api/v1/requests/{id}/transitions", "/api/v1/consultations", "/api/v1/consultations/{id}/status" })
        {
            Assert.Contains(path, paths);
        }
        Assert.DoesNotContain(paths, p => !p.StartsWith("/api/", StringComparison.Ordinal));
        Assert.Equal("bearer", (string?)document["components"]!["securitySchemes"]!["bearer"]!["scheme"]);
        var input = document["components"]!["schemas"]!["PrisonerInput"]!["properties"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("familyName", input);
        Assert.Contains("dateOfCapture", input);
        Assert.Contains("healthStatus", input);

        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        Assert.NotEqual(HttpStatusCode.OK, (await officer.Client.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task TheReferencePage_ServesItsOwnScript_WithANonceOnlyThere_ForAdministratorsOnly()
    {
        using var admin = await app.LoginAsAdminAsync();
        var page = await admin.GetAsync("/Admin/Api/", follow: true);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var scripts = page.Document.QuerySelectorAll("script").ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts.Select(s => s.GetAttribute("src")).Where(s => s is not null), src => Assert.DoesNotContain("//", src!, StringComparison.Ordinal));
        var csp = string.Join(";", page.Response.Headers.GetValues("Content-Security-Policy"));
        var nonce = scripts.Select(s => s.GetAttribute("nonce")).First(n => n is not null);
        Assert.Contains($"'nonce-{nonce}'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);

        foreach (var src in scripts.Select(s => s.GetAttribute("src")).Where(s => s is not null))
        {
            var asset = await admin.Client.GetAsync(new Uri(new Uri(page.Url), src));
            Assert.True(asset.StatusCode == HttpStatusCode.OK, $"{src}: {(int)asset.StatusCode}");
        }

        // Everywhere else the policy is the strict one.
        var other = await admin.GetAsync("/Prisoners");
        Assert.Equal(PowRegistry.Web.Infrastructure.SecurityHeaders.ContentSecurityPolicy, string.Join(";", other.Response.Headers.GetValues("Content-Security-Policy")));

        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        Assert.NotEqual(HttpStatusCode.OK, (await officer.GetAsync("/Admin/Api/", follow: false)).Status);
    }
}

/// <summary>The API with a low limit, to see it refuse.</summary>
public sealed class RateLimitedApiFactory : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("PowRegistry:Api:RequestsPerMinute", "3");
    }
}

public sealed class ApiRateLimitTests(RateLimitedApiFactory app) : IClassFixture<RateLimitedApiFactory>
{
    [Fact]
    public async Task BeyondTheLimit_ATokenGets429_AsProblemDetails_WhileAnotherTokenCarriesOn()
    {
        using var busy = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/prisoners")).StatusCode);
        var refused = await busy.GetAsync("/api/v1/prisoners");
        await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);

        using var other = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/prisoners")).StatusCode);
    }

    [Fact]
    public async Task MadeUpHeaders_EachDifferent_AreCountedByAddress_NotGivenAFreshAllowanceEach()
    {
        string[] madeUp = ["Bearer bogus-1", "Bearer pwr_short", "Basic Zm9vOmJhcg==", "Bearer pwr_" + new string('x', 44), "Bearer pwr_" + new string('!', 43)];
        var statuses = new List<HttpStatusCode>();
        foreach (var header in madeUp)
        {
            using var client = app.Api(null);
            client.DefaultRequestHeaders.Add(PowRegistryFactory.RemoteAddressHeader, "2001:db8:5:6::" + (statuses.Count + 1));
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);
            statuses.Add((await client.GetAsync("/api/v1/prisoners")).StatusCode);
        }
        Assert.All(statuses.Take(3), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(3), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));

        // Another address (outside that /64) still has its own allowance.
        using var elsewhere = app.Api(null);
        elsewhere.DefaultRequestHeaders.Add(PowRegistryFactory.RemoteAddressHeader, "2001:db8:5:7::1");
        elsewhere.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer bogus-2");
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/v1/prisoners")).StatusCode);
    }
}
