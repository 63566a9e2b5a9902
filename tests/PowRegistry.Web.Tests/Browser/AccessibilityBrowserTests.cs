using System.Globalization;

using Deque.AxeCore.Commons;

using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Core.Data;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests.Browser;

/// <summary>
/// axe-core (WCAG 2.0 and 2.1, levels A and AA) over every main page, as an administrator sees it at 1366×768, in
/// each language: no violation of any impact. The same pages neither scroll sideways at 1366 px nor on a 390 px phone.
/// </summary>
[Trait("Category", "Browser")]
public sealed class AccessibilityBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string AxeSource = new BundledAxeScriptProvider().GetScript();

    /// <summary>
    /// axe-core's run over the page's document, WCAG 2.0 and 2.1 at levels A and AA, as one line per violation. Not
    /// Deque.AxeCore.Playwright's RunAxe: for frames from other origins it runs each frame apart and joins the results in
    /// a page it opens for that, which cost about 2 s of every check here (150 s a test run). These pages have no frames.
    /// </summary>
    private const string RunAxe = """
        async () => {
            const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
            return results.violations.map(v => `${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map(n => n.html).join(' | ')}`);
        }
        """;

    /// <summary>The page's violations (none when it passes), axe-core put into the page first when it is not there yet.</summary>
    private static async Task<string[]> ViolationsAsync(IPage page)
    {
        Assert.Equal(0, await page.Locator("iframe, frame").CountAsync()); // see RunAxe
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'")) await page.EvaluateAsync(AxeSource + "\n;0");
        return await page.EvaluateAsync<string[]>(RunAxe);
    }

    private static string Day(int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A prisoner with a wish and a request, and a consultation about him with a counterpart, so that the pages have something on them.</summary>
    private async Task<(int PrisonerId, int RequestId, int ConsultationId)> ArrangeAsync()
    {
        var (prisonerId, requestId) = await fixture.App.DraftRequestToKoreaAsync("Axe" + Guid.NewGuid().ToString("N")[..6], capturedDaysAgo: 20);
        var counterpart = (await fixture.App.AsSystemAsync<ConsultationService, ServiceResult<Counterpart>>(c =>
            c.AddCounterpartAsync("Ministry " + Guid.NewGuid().ToString("N")[..6], CounterpartKind.Ministry, "KR", CancellationToken.None))).Value!;
        var reference = await fixture.App.AsSystemAsync<PowRegistryDbContext, string>(db => db.Prisoners.Where(p => p.Id == prisonerId).Select(p => p.Reference).SingleAsync());
        var consultation = (await fixture.App.AsSystemAsync<ConsultationService, ServiceResult<Consultation>>(c => c.CreateAsync(new ConsultationInput
        {
            Title = "Transfer of one man",
            Channel = ConsultationChannel.Meeting,
            Date = Day(-2),
            CounterpartIds = [counterpart.Id],
            PrisonerReferences = reference,
        }, Actor.System, CancellationToken.None))).Value!;
        return (prisonerId, requestId, consultation.Id);
    }

    private static IEnumerable<string> MainPages(int prisonerId, int requestId, int consultationId) =>
    [
        "/", "/Prisoners", "/Prisoners?q=axe", "/Prisoners/Create", $"/Prisoners/{prisonerId}", $"/Prisoners/{prisonerId}/Edit",
        $"/Prisoners/{prisonerId}/Events/Add", $"/Prisoners/{prisonerId}/Summary", "/Prisoners/Import",
        "/Requests", $"/Requests/{requestId}", "/Consultations", "/Consultations/Create", $"/Consultations/{consultationId}",
        "/Notifications", "/Exchange/Shares", "/Admin/Review", "/Admin/Users", "/Admin/Desks", "/Admin/Counterparts",
        "/Admin/Security", "/Admin/Tokens", "/Admin/Transfers", "/Admin/Audit", "/Account/TwoFactor",
    ];

    [Theory]
    [InlineData("en-GB")]
    [InlineData("ko-KR")]
    [InlineData("uk-UA")]
    public async Task EveryMainPage_HasNoAccessibilityViolation_InEachLanguage(string locale)
    {
        var (prisonerId, requestId, consultationId) = await ArrangeAsync();
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        var page = await context.NewPageAsync();
        var found = new List<string>();

        await page.GotoAsync("/Account/Login");
        Assert.Equal(locale[..2], await page.Locator("html").GetAttributeAsync("lang"));
        await CheckAsync(page, "/Account/Login", found);
        await page.FillAsync("#Form_Email", PowRegistryFactory.AdminEmail);
        await page.FillAsync("#Form_Password", PowRegistryFactory.AdminPassword);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));

        foreach (var path in MainPages(prisonerId, requestId, consultationId))
        {
            var response = await page.GotoAsync(path);
            if (!response!.Ok) found.Add($"{path}: {response.Status}");
            else await CheckAsync(page, path, found);
        }
        Assert.True(found.Count == 0, $"{locale}:\n" + string.Join("\n", found));
    }

    private static async Task CheckAsync(IPage page, string path, List<string> found)
    {
        found.AddRange((await ViolationsAsync(page)).Select(v => $"{path}: {v}"));
        var sideways = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        if (sideways) found.Add($"{path}: scrolls sideways at 1366 px");
    }

    [Fact]
    public async Task TheCheck_ReportsViolations_WhereAPageHasThem()
    {
        // Guards the test above against a check that finds nothing whatever the page: the login page, given an image
        // with no text and a field with no label, fails on both.
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        Assert.Empty(await ViolationsAsync(page));
        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/favicon.ico\"><input type=\"text\" name=\"unlabelled\">')");
        var violations = await ViolationsAsync(page);
        Assert.Contains(violations, v => v.StartsWith("image-alt (critical)", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("label (critical)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task ThePages_FitTheScreen_AndTheBarsMenusOpenByKeyboard(int width, int height)
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await BrowserFixture.LogInAsync(page, PowRegistryFactory.AdminEmail, PowRegistryFactory.AdminPassword);
        var (prisonerId, requestId, consultationId) = await ArrangeAsync();
        var sideways = new List<string>();
        foreach (var path in MainPages(prisonerId, requestId, consultationId))
        {
            await page.GotoAsync(path);
            if (await page.EvaluateAsync<string[]>(WiderThanTheScreen) is { Length: > 0 } wider) sideways.Add($"{path}: {string.Join("; ", wider)}");
        }
        Assert.True(sideways.Count == 0, $"pages that scroll sideways at {width} px:\n" + string.Join("\n", sideways));
        await page.GotoAsync("/Prisoners");

        // Every link of the bar fits on the screen once its menu is open; the menus open with the keyboard alone.
        var administration = page.Locator("header.top summary", new() { HasText = "Administration" });
        await administration.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Counterparts" })).ToBeVisibleAsync();
        foreach (var link in await page.Locator("header.top a:visible").AllAsync())
        {
            var box = await link.BoundingBoxAsync();
            Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= width + 1, $"{await link.TextContentAsync()} is off the screen at {width} px");
            Assert.True(box!.Height < 40, $"{await link.TextContentAsync()} wraps onto several lines at {width} px");
        }
    }

    /// <summary>The elements that reach past the right edge of the screen (empty when nothing scrolls sideways).</summary>
    private const string WiderThanTheScreen = """
        () => document.documentElement.scrollWidth <= document.documentElement.clientWidth ? [] :
            [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .slice(0, 8).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
        """;

    [Fact]
    public async Task ChartLabels_AreAtLeast12Px()
    {
        await ArrangeAsync();
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await BrowserFixture.LogInAsync(page, PowRegistryFactory.AdminEmail, PowRegistryFactory.AdminPassword);
        await page.GotoAsync("/Admin/Review");
        var sizes = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('.chart .bar-label, .chart .bar-count')].map(e => e.getBoundingClientRect().height > 0 ? parseFloat(getComputedStyle(e).fontSize) : 99)");
        Assert.NotEmpty(sizes);
        Assert.All(sizes, size => Assert.True(size >= 12, $"a chart label is {size} px"));
    }
}
