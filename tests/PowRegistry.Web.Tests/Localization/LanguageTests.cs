using System.Net;

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Accounts;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests.Localization;

/// <summary>
/// Which language a page is in (issue 15): the browser's Accept-Language until the person chooses; his choice from the
/// switcher on every page, kept on his account so that it follows him to another browser.
/// </summary>
public sealed class LanguageTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    private static string LanguageOf(Session.Result page) => page.Document.DocumentElement.GetAttribute("lang") ?? "";

    private static Task<Session.Result> SwitchAsync(Session session, Session.Result page, string culture, string returnUrl) =>
        session.PostRawAsync(page, "/Account/Language", [new("culture", culture), new("returnUrl", returnUrl)]);

    private async Task<string?> StoredLanguageAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.PreferredLanguage;
    }

    [Theory]
    [InlineData(null, "en")]
    [InlineData("ko", "ko")]
    [InlineData("ko-KR,ko;q=0.9,en;q=0.5", "ko")]
    [InlineData("uk-UA", "uk")]
    [InlineData("fr-FR,uk;q=0.8", "uk")]
    [InlineData("fr-FR", "en")]
    public async Task TheLoginPage_IsInTheBrowsersLanguage_UntilOneIsChosen(string? acceptLanguage, string expected)
    {
        using var session = app.NewSession();
        if (acceptLanguage is not null) session.Client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        var login = await session.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.Equal(expected, LanguageOf(login));
        // The switcher is on the login page, every language named in itself, the current one marked.
        var buttons = login.Document.QuerySelectorAll("form.languages button[name=culture]").ToList();
        Assert.Equal(["en", "ko", "uk"], buttons.Select(b => b.GetAttribute("value")));
        Assert.Equal(["English", "한국어", "Українська"], buttons.Select(b => b.TextContent.Trim()));
        Assert.Equal(expected, buttons.Single(b => b.GetAttribute("aria-pressed") == "true").GetAttribute("value"));
    }

    [Fact]
    public async Task AChoiceOnTheLoginPage_HoldsBeforeSignIn_AndBecomesHisStoredChoice()
    {
        var (_, email) = await app.CreateUserAsync(Roles.CaseOfficer);
        using var session = app.NewSession();
        session.Client.DefaultRequestHeaders.Add("Accept-Language", "ko");
        var login = await session.GetAsync("/Account/Login");
        var switched = await SwitchAsync(session, login, "uk", "/Account/Login");
        Assert.EndsWith("/Account/Login", switched.Url, StringComparison.Ordinal);
        Assert.Equal("uk", LanguageOf(switched)); // the choice beats the browser's Accept-Language
        Assert.Null(await StoredLanguageAsync(email));

        await session.PostRawAsync(switched, "/Account/Login", [new("Form.Email", email), new("Form.Password", PowRegistryFactory.OfficerPassword)]);
        Assert.Equal("uk", await StoredLanguageAsync(email));
    }

    [Fact]
    public async Task SwitchingWhileSignedIn_IsStoredOnTheAccount_AndFollowsHimToAnotherBrowser()
    {
        var (_, email) = await app.CreateUserAsync(Roles.CaseOfficer);
        using (var first = await app.LoginAsync(email, PowRegistryFactory.OfficerPassword))
        {
            var register = await first.GetAsync("/Prisoners?q=kim");
            Assert.Equal("en", LanguageOf(register));
            var switched = await SwitchAsync(first, register, "uk", "/Prisoners?q=kim");
            Assert.EndsWith("/Prisoners?q=kim", switched.Url, StringComparison.Ordinal); // back where he was
            Assert.Equal("uk", LanguageOf(switched));
            Assert.Equal("uk", await StoredLanguageAsync(email));
        }

        // Another browser, whose language is Korean: once he has signed in, his pages are in his chosen Ukrainian.
        using var second = app.NewSession();
        second.Client.DefaultRequestHeaders.Add("Accept-Language", "ko");
        var login = await second.GetAsync("/Account/Login");
        Assert.Equal("ko", LanguageOf(login));
        var home = await second.PostRawAsync(login, "/Account/Login", [new("Form.Email", email), new("Form.Password", PowRegistryFactory.OfficerPassword)]);
        Assert.DoesNotContain("/Account/Login", home.Url, StringComparison.Ordinal);
        Assert.Equal("uk", LanguageOf(home));
        Assert.Equal("uk", LanguageOf(await second.GetAsync("/Prisoners")));
    }

    [Theory]
    [InlineData("fr", "/Prisoners", "/Prisoners")]
    [InlineData("", "/Prisoners", "/Prisoners")]
    [InlineData("uk", "https://evil.example/phish", "/")]
    [InlineData("uk", "//evil.example", "/")]
    public async Task AnUnknownLanguage_ChangesNothing_AndTheWayBack_StaysOnThisSite(string culture, string returnUrl, string expectedPath)
    {
        var (_, email) = await app.CreateUserAsync(Roles.CaseOfficer);
        using var session = await app.LoginAsync(email, PowRegistryFactory.OfficerPassword);
        var page = await session.GetAsync("/Prisoners");
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("culture", culture), new("returnUrl", returnUrl), new("__RequestVerificationToken", token)]);
        var response = await session.Client.PostAsync("/Account/Language", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expectedPath, response.Headers.Location!.OriginalString);
        Assert.Equal(culture == "uk" ? "uk" : null, await StoredLanguageAsync(email));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ko")]
    [InlineData("uk")]
    public async Task ADate_IsWrittenAndTyped_2025_01_09_InEveryLanguage(string language)
    {
        var prisonerId = (await app.DraftRequestToKoreaAsync("Date" + language, capturedDaysAgo: 30)).PrisonerId;
        var (_, email) = await app.CreateUserAsync(Roles.CaseOfficer);
        using var session = await app.LoginAsync(email, PowRegistryFactory.OfficerPassword);
        session.Client.DefaultRequestHeaders.Add("Accept-Language", language);

        // The field: a text field for year-month-day, never the browser's date picker with its own convention.
        var form = await session.GetAsync($"/Prisoners/{prisonerId}/Events/Add");
        Assert.Equal(language, LanguageOf(form));
        var field = form.Document.QuerySelector("input[name='Form.Date']")!;
        Assert.Equal("text", field.GetAttribute("type"));
        Assert.Equal(@"\d{4}-\d{2}-\d{2}", field.GetAttribute("pattern"));
        Assert.False(string.IsNullOrEmpty(field.GetAttribute("placeholder")));
        Assert.Empty(form.Document.QuerySelectorAll("input[type=date]"));

        // Typed in that form, read back in it, whatever the page's language.
        var saved = await session.PostRawAsync(form, $"/Prisoners/{prisonerId}/Events/Add",
            [new("Form.Kind", ((int)PowRegistry.Core.Prisoners.CustodyEventKind.Hospitalised).ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Form.Date", "2025-01-09"), new("Form.Place", "Field hospital")]);
        Assert.EndsWith($"/Prisoners/{prisonerId}", saved.Url, StringComparison.Ordinal);
        Assert.Contains("2025-01-09", saved.Document.QuerySelector("ol.timeline")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b\d{1,2}/\d{1,2}/\d{4}\b|\bJan\b|\d{1,2}\.\d{2}\.\d{4}", saved.Text);
    }

    [Fact]
    public async Task TheSwitcher_RefusesAPostWithoutTheAntiforgeryToken()
    {
        using var session = app.NewSession();
        using var content = new FormUrlEncodedContent([new("culture", "uk"), new("returnUrl", "/")]);
        var response = await session.Client.PostAsync("/Account/Language", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(session.Cookie("__Host-PowRegistry.Language"));
    }
}
