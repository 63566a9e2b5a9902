using System.Net;

using PowRegistry.Core.Accounts;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>
/// The menu's links are plain paths, not routed (routing each cost every page some CPU): each one must still lead to
/// its page, for every role that sees it.
/// </summary>
public sealed class LayoutLinksTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    [Theory]
    [InlineData(Roles.Administrator, 18)]
    [InlineData(Roles.CaseOfficer, 9)]
    [InlineData(Roles.Auditor, 8)]
    public async Task EveryMenuLink_OpensItsPage(string role, int links)
    {
        using var session = role == Roles.Administrator ? await app.LoginAsAdminAsync() : await app.LoginAsNewUserAsync(role);
        var register = await session.GetAsync("/Prisoners");
        var hrefs = register.Document.QuerySelectorAll("header.top a[href]").Select(a => a.GetAttribute("href")!).Distinct().ToList();
        Assert.Equal(links, hrefs.Count);
        foreach (var href in hrefs)
        {
            // Followed, as a browser would ("/" leads to the register); a wrong path ends in 404, a forbidden one on the login or access-denied page.
            var page = await session.GetAsync(href);
            Assert.True(page.Status == HttpStatusCode.OK, $"{href} answered {(int)page.Status}");
            Assert.DoesNotContain("/Account/Login", page.Url, StringComparison.Ordinal);
            Assert.DoesNotContain("/Account/AccessDenied", page.Url, StringComparison.Ordinal);
        }
    }
}
