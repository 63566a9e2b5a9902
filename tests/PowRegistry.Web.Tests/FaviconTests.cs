using System.Net;

using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>The tab shows the application's mark; a browser asking for /favicon.ico before login gets it, not the login page.</summary>
public sealed class FaviconTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task TheIcon_IsServed_WithoutSigningIn(string path, string type)
    {
        using var session = app.NewSession();
        var response = await session.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Fact]
    public async Task EveryPage_LinksTheIcon()
    {
        using var session = app.NewSession();
        var login = await session.GetAsync("/Account/Login");
        Assert.Contains(login.Document.QuerySelectorAll("link[rel=icon]"), l => l.GetAttribute("href")!.StartsWith("/favicon.svg", StringComparison.Ordinal));
    }
}
