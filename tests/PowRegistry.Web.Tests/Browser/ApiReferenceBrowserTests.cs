using Microsoft.Playwright;

using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests.Browser;

/// <summary>The API reference page (Scalar) renders in Chromium under its CSP, with nothing fetched from another host.</summary>
[Trait("Category", "Browser")]
public sealed class ApiReferenceBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TheReference_RendersTheApi_WithoutACspViolation_OrAnyOtherHost()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var page = await context.NewPageAsync();
        var blocked = new List<string>();
        var elsewhere = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) blocked.Add(message.Text);
        };
        page.Request += (_, request) =>
        {
            var uri = new Uri(request.Url);
            if (uri.Scheme is "http" or "https" && uri.Host != new Uri(fixture.BaseUrl).Host) elsewhere.Add(request.Url);
        };

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(PowRegistryFactory.AdminEmail);
        await page.GetByLabel("Password").FillAsync(PowRegistryFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await BrowserFixture.OpenMenuAsync(page, "Administration");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "API tokens" })).ToBeVisibleAsync();

        await page.GotoAsync("/Admin/Api/");
        await Assertions.Expect(page.GetByText("PowRegistry API").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("/api/v1/prisoners").First).ToBeAttachedAsync(new() { Timeout = 30_000 });
        Assert.Empty(blocked);
        Assert.Empty(elsewhere);
    }
}
