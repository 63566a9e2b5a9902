using Microsoft.Playwright;

using PowRegistry.Core.Demo;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests.Browser;

/// <summary>
/// The main pages, filled with the demo data, photographed in Korean and English at 1366×768. docs/screenshots/make.sh
/// runs this with POWREGISTRY_SCREENSHOTS=docs/screenshots to refresh the pictures the README links; in the suite they go
/// to a temporary folder, and the test checks that every page was served in its language and photographed.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ScreenshotTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string Folder = Environment.GetEnvironmentVariable("POWREGISTRY_SCREENSHOTS") is { Length: > 0 } chosen
        ? Path.GetFullPath(chosen)
        : Path.Combine(Path.GetTempPath(), "powregistry-screenshots-" + Guid.NewGuid().ToString("N")[..8]);

    [Theory]
    [InlineData("ko")]
    [InlineData("en")]
    public async Task TheMainPages_InKoreanAndEnglish(string language)
    {
        await fixture.App.AsSystemAsync<DemoData, bool>(async demo =>
        {
            await demo.SeedAsync(CancellationToken.None); // once: a second call sees records and adds nothing
            return true;
        });
        var (prisonerId, consultationId) = await fixture.App.AsSystemAsync<Core.Data.PowRegistryDbContext, (int, int)>(async db =>
            (db.Prisoners.OrderBy(p => p.Id).Select(p => p.Id).First(), db.Consultations.OrderBy(c => c.Id).Select(c => c.Id).First()));
        Directory.CreateDirectory(Folder);

        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            Locale = language == "ko" ? "ko-KR" : "en-GB",
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await ShootAsync(page, language, "login");
        await page.FillAsync("#Form_Email", PowRegistryFactory.AdminEmail);
        await page.FillAsync("#Form_Password", PowRegistryFactory.AdminPassword);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));

        foreach (var (name, path) in new[]
        {
            ("register", "/Prisoners"), ("record", $"/Prisoners/{prisonerId}"), ("review", "/Admin/Review"),
            ("requests", "/Requests"), ("consultation", $"/Consultations/{consultationId}"), ("new-prisoner", "/Prisoners/Create"),
        })
        {
            Assert.True((await page.GotoAsync(path))!.Ok, path);
            await ShootAsync(page, language, name);
        }
    }

    private static async Task ShootAsync(IPage page, string language, string name)
    {
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        var file = Path.Combine(Folder, $"{name}-{language}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
        Assert.True(new FileInfo(file).Length > 10_000, $"{file} is nearly empty");
    }
}
