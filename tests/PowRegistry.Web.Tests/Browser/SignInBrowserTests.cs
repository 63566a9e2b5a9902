using Microsoft.Playwright;

using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests.Browser;

/// <summary>
/// What Chromium makes of the hardened sign-in over plain HTTP on a loopback address (as with `dotnet run`):
/// it keeps the __Host- Secure cookies, the strict CSP blocks nothing the pages need, and logout really ends it.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SignInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Hosts() => new() { "127.0.0.1", "localhost" };

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Chromium_KeepsTheHostPrefixedSecureCookies_AndTheCspBlocksNothing(string host)
    {
        var baseUrl = fixture.BaseUrl.Replace("127.0.0.1", host, StringComparison.Ordinal);
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) blocked.Add(message.Text);
        };

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(PowRegistryFactory.AdminEmail);
        await page.GetByLabel("Password").FillAsync(PowRegistryFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Manage users" })).ToBeVisibleAsync();

        var cookies = await context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == "__Host-PowRegistry");
        Assert.True(session.Secure);
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        Assert.Equal("/", session.Path);
        Assert.All(cookies, c => Assert.StartsWith("__Host-", c.Name, StringComparison.Ordinal));

        // Pages with forms, tables and the QR code image, under the CSP.
        foreach (var url in new[] { "/Prisoners", "/Prisoners/Create", "/Admin/Users", "/Admin/Security", "/Account/TwoFactor" })
        {
            await page.GotoAsync(url);
        }
        await Assertions.Expect(page.Locator("img.qr")).ToBeVisibleAsync();
        Assert.True(await page.Locator("img.qr").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100"));
        Assert.Equal("rgb(255, 255, 255)", await page.Locator("ol.steps").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Empty(blocked);

        // A copy of the cookie opens the register in another browser until logout, and nothing after it.
        Assert.EndsWith("/Prisoners", await ReplayAsync(baseUrl, session), StringComparison.Ordinal);
        await BrowserFixture.LogOutAsync(page);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        Assert.Contains("/Account/Login", await ReplayAsync(baseUrl, session), StringComparison.Ordinal);
    }

    /// <summary>Opens /Prisoners in a fresh browser context that sends only the copied cookie; returns where it ended.</summary>
    private async Task<string> ReplayAsync(string baseUrl, BrowserContextCookiesResult cookie)
    {
        await using var other = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Cookie"] = $"{cookie.Name}={cookie.Value}" },
        });
        var page = await other.NewPageAsync();
        await page.GotoAsync("/Prisoners");
        return page.Url;
    }
}
