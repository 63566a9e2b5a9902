using System.Net;

using PowRegistry.Core.Accounts;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>The security headers on every kind of response, and pages that the strict CSP does not break.</summary>
public sealed class SecurityHeadersTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    [Theory]
    [InlineData("/Account/Login", false, HttpStatusCode.OK)]
    [InlineData("/", false, HttpStatusCode.Redirect)]
    [InlineData("/Prisoners", true, HttpStatusCode.OK)]
    [InlineData("/Admin/Users", true, HttpStatusCode.OK)]
    [InlineData("/Account/TwoFactor", true, HttpStatusCode.OK)]
    [InlineData("/Prisoners/987654", true, HttpStatusCode.NotFound)]
    [InlineData("/no-such-page", true, HttpStatusCode.NotFound)]
    [InlineData("/health", false, HttpStatusCode.OK)]
    [InlineData("/css/site.css", false, HttpStatusCode.OK)]
    [InlineData("/no-such-file.css", false, HttpStatusCode.Redirect)]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string url, bool signedIn, HttpStatusCode status)
    {
        using var session = signedIn ? await app.LoginAsAdminAsync() : app.NewSession();
        using var response = await session.Client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(Csp, Header(response, "Content-Security-Policy"));
        Assert.Equal("max-age=31536000", Header(response, "Strict-Transport-Security"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        var cacheControl = Header(response, "Cache-Control");
        if (url == "/css/site.css") Assert.DoesNotContain("no-store", cacheControl, StringComparison.Ordinal);
        else Assert.Contains("no-store", cacheControl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostAnswer_AndAnErrorAnswer_CarryThemToo()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        using var content = new FormUrlEncodedContent([new("Form.FamilyName", "NoToken")]);
        using var refused = await officer.Client.PostAsync("/Prisoners/Create", content);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(Csp, Header(refused, "Content-Security-Policy"));
        Assert.Contains("no-store", Header(refused, "Cache-Control"), StringComparison.Ordinal);
    }

    /// <summary>The CSP forbids inline script and style: a page that used them would be broken in the browser.</summary>
    [Fact]
    public async Task NoPage_UsesInlineScriptOrStyle()
    {
        using var admin = await app.LoginAsAdminAsync();
        var created = await admin.SubmitAsync(await admin.GetAsync("/Prisoners/Create"), "Register", new Dictionary<string, string?> { ["Family name"] = "Pak" });
        var prisoner = new Uri(created.Url).AbsolutePath;
        Assert.Matches(@"^/Prisoners/\d+$", prisoner);
        var pages = new[]
        {
            "/", "/Prisoners", "/Prisoners/Create", prisoner, prisoner + "/Edit", prisoner + "/Aliases", prisoner + "/Documents", prisoner + "/Events/Add",
            "/Admin/Users", "/Admin/Users/Create", "/Admin/Security", "/Account/TwoFactor", "/Account/Logout", "/Account/AccessDenied", "/no-such-page",
        };
        using var anonymous = app.NewSession();
        foreach (var (session, url) in pages.Select(p => (admin, p)).Append((anonymous, "/Account/Login")).Append((anonymous, "/Setup")))
        {
            var page = await session.GetAsync(url);
            Assert.Empty(page.Document.QuerySelectorAll("[style]").Select(e => $"{url}: {e.OuterHtml}"));
            Assert.Empty(page.Document.QuerySelectorAll("style").Select(e => $"{url}: {e.OuterHtml}"));
            Assert.Empty(page.Document.QuerySelectorAll("script:not([src])").Select(e => $"{url}: {e.OuterHtml}"));
            Assert.Empty(page.Document.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.Ordinal)).Select(a => $"{url}: {a.Name}"));
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : "";
}
