using System.Text.RegularExpressions;
using System.Xml.Linq;

using Microsoft.Playwright;

using PowRegistry.Web.Tests.Infrastructure;
using PowRegistry.Web.Tests.Localization;

namespace PowRegistry.Web.Tests.Browser;

/// <summary>
/// Issue 15 in Chromium: the login page in Korean for a Korean browser; Ukrainian, once chosen, kept across sessions;
/// a prisoner registered and found in each language. The expected words are read from the resources, so the test
/// shows the page is in that language's words, not in English.
/// </summary>
[Trait("Category", "Browser")]
public sealed class LanguageBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly Dictionary<string, Dictionary<string, string>> Files = [];

    private static Dictionary<string, string> Read(string file)
    {
        lock (Files)
        {
            if (Files.TryGetValue(file, out var read)) return read;
            var path = Path.Combine(Resources.RepositoryRoot, "src", "PowRegistry.Web", "Resources", file);
            return Files[file] = XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
        }
    }

    /// <summary>A page text (keyed by its English words) as the language shows it.</summary>
    private static string Words(string language, string english) => language == "en"
        ? Read("SharedResource.resx").GetValueOrDefault(english, english) // English words differ from their key only where a key tells two uses apart
        : Read($"SharedResource.{language}.resx")[english];

    /// <summary>One of Core's labels or messages (by key) as the language shows it.</summary>
    private static string Label(string language, string key) => Read(language == "en" ? "MessageResource.resx" : $"MessageResource.{language}.resx")[key];

    private async Task<IBrowserContext> BrowserAsync(string locale) =>
        await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, Locale = locale });

    private static async Task LogInAsync(IPage page, string language, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel(Words(language, "Email")).FillAsync(email);
        await page.GetByLabel(Words(language, "Password")).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = Words(language, "Log in"), Exact = true }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/Account/Login"));
    }

    [Fact]
    public async Task TheLoginPage_IsInKorean_ForABrowserThatAsksForKorean()
    {
        await using var context = await BrowserAsync("ko-KR");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        Assert.Equal("ko", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "로그인", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel(Words("ko", "Email"))).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel(Words("ko", "Password"))).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Log in");
    }

    [Fact]
    public async Task Ukrainian_OnceChosen_IsKeptAcrossSessions()
    {
        var (_, email) = await fixture.App.CreateUserAsync(PowRegistry.Core.Accounts.Roles.CaseOfficer);
        await using (var first = await BrowserAsync("en-GB"))
        {
            var page = await first.NewPageAsync();
            await LogInAsync(page, "en", email, PowRegistryFactory.OfficerPassword);
            await page.GotoAsync("/Prisoners");
            await page.GetByRole(AriaRole.Button, new() { Name = "Українська" }).ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "uk");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Prisoners$"));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Words("uk", "Register"));
            await page.Locator("header.top .account-menu summary").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = Words("uk", "Log out") }).ClickAsync();
        }

        // A new session in a browser that asks for English: after signing in, his pages are in Ukrainian.
        await using var second = await BrowserAsync("en-GB");
        var again = await second.NewPageAsync();
        await LogInAsync(again, "en", email, PowRegistryFactory.OfficerPassword);
        await again.GotoAsync("/Prisoners");
        Assert.Equal("uk", await again.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(again.Locator("h1")).ToHaveTextAsync(Words("uk", "Register"));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ko")]
    [InlineData("uk")]
    public async Task APrisoner_IsRegisteredAndFound_InEachLanguage(string language)
    {
        var (_, email) = await fixture.App.CreateUserAsync(PowRegistry.Core.Accounts.Roles.CaseOfficer);
        await using var context = await BrowserAsync(language switch { "ko" => "ko-KR", "uk" => "uk-UA", _ => "en-GB" });
        var page = await context.NewPageAsync();
        await LogInAsync(page, language, email, PowRegistryFactory.OfficerPassword);

        await BrowserFixture.OpenMenuAsync(page, Words(language, "Records"));
        await page.Locator("header.top").GetByRole(AriaRole.Link, new() { Name = Words(language, "Register a prisoner") }).ClickAsync();
        var family = "Lang" + language + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel(Label(language, "PrisonerInput.FamilyName"), new() { Exact = true }).FillAsync(family);
        await page.GetByLabel(Label(language, "PrisonerInput.GivenNames"), new() { Exact = true }).FillAsync("Yong Chol");
        await page.GetByLabel(Label(language, "PrisonerInput.Nationality"), new() { Exact = true }).SelectOptionAsync("KP");
        await page.GetByLabel(Label(language, "PrisonerInput.DateOfCapture")).FillAsync("2025-01-09");
        await page.GetByRole(AriaRole.Button, new() { Name = Words(language, "Register (verb)"), Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/Prisoners/\d+$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("2025-01-09");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(language switch { "ko" => "조선민주주의인민공화국", "uk" => "Північна Корея", _ => "North Korea" });

        await page.Locator("header.top").GetByRole(AriaRole.Link, new() { Name = Words(language, "Register"), Exact = true }).ClickAsync();
        await page.GetByLabel(Words(language, "Search"), new() { Exact = true }).FillAsync(family.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = Words(language, "Search"), Exact = true }).ClickAsync();
        var row = page.Locator("#register tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(family);
    }
}
