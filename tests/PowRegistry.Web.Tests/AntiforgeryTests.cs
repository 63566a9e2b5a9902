using System.Net;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>
/// Every POST handler of every page refuses a request without the antiforgery token. The handlers are found from
/// the app's own endpoints, so a page added later is covered without anyone remembering to list it here.
/// </summary>
public sealed class AntiforgeryTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    [Fact]
    public async Task EveryPostHandler_RefusesAPostWithoutTheAntiforgeryToken()
    {
        var targets = await PostTargetsAsync();
        Assert.Contains("/Account/Login", targets);
        Assert.Contains("/Account/Logout", targets);
        Assert.Contains("/Prisoners/Create", targets);
        Assert.Contains("/Admin/Users/Edit/1?handler=Disable", targets);
        Assert.Contains("/Account/TwoFactor?handler=Enable", targets);

        using var admin = await app.LoginAsAdminAsync();
        using var anonymous = app.NewSession();
        var accepted = new List<string>();
        foreach (var target in targets)
        {
            foreach (var session in new[] { admin, anonymous })
            {
                using var content = new FormUrlEncodedContent([new("Form.Email", "someone@powregistry.test"), new("Form.FamilyName", "NoToken"), new("role", "Auditor")]);
                using var response = await session.Client.PostAsync(target, content);
                // Refused outright (400), or — for a page the session may not open at all — sent to log in or
                // told it is not allowed, before any handler runs.
                var refused = response.StatusCode == HttpStatusCode.BadRequest
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/", StringComparison.Ordinal) && session == anonymous);
                if (!refused) accepted.Add($"{target} as {(session == admin ? "admin" : "anonymous")}: {(int)response.StatusCode}");
            }
        }
        Assert.Empty(accepted);
    }

    /// <summary>
    /// The one page that skips the token is the status page (/Status/{code}): the 413/404 explanation is re-executed
    /// with the refused request's method, a POST without a usable token. It has no handler and changes nothing.
    /// </summary>
    [Fact]
    public async Task OnlyTheStatusPage_SkipsTheToken_AndItHasNoHandlerThatCouldChangeAnything()
    {
        using var scope = app.Services.CreateScope();
        var skipping = new List<string>();
        foreach (var (_, endpoint, page) in await Endpoints.PagesAsync(scope.ServiceProvider))
        {
            if (page.FilterDescriptors.Any(f => f.Filter is Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute)
                || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute>() is not null)
            {
                skipping.Add(endpoint.RoutePattern.RawText!);
                Assert.Empty(page.HandlerMethods);
            }
        }
        Assert.Equal(["Status/{code:int}"], skipping);
    }

    /// <summary>A URL (route values filled with 1) for each page handler that accepts POST.</summary>
    private async Task<List<string>> PostTargetsAsync()
    {
        using var scope = app.Services.CreateScope();
        return (await Endpoints.PagesAsync(scope.ServiceProvider))
            .SelectMany(p => p.Page.HandlerMethods
                .Where(h => string.Equals(h.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase))
                .Select(h => h.Name is null ? p.Path : $"{p.Path}?handler={h.Name}"))
            .Distinct().ToList();
    }
}
