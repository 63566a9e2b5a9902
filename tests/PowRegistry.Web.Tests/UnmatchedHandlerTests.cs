using System.Net;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>
/// A request naming no handler the page has (a POST with no handler, an unknown <c>?handler=</c>) gets 404 or 405 on
/// every page, with a valid antiforgery token, never a page rendered with nothing loaded (HTTP 500). The pages are
/// found from the app's own endpoints, so a page added later is covered too.
/// </summary>
public sealed class UnmatchedHandlerTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    [Fact]
    public async Task EveryPage_AnswersAnUnknownHandler_With404Or405_NeverA500()
    {
        var pages = await PagesAsync();
        Assert.Contains(pages, p => p.Path == "/Requests/1");
        Assert.Contains(pages, p => p.Path == "/Consultations/1");
        Assert.Contains(pages, p => p.Path == "/Account/TwoFactor");

        using var admin = await app.LoginAsAdminAsync();
        var withToken = await admin.GetAsync("/Prisoners/Create"); // the token belongs to the session, not to one form
        var wrong = new List<string>();
        foreach (var (path, hasPlainGet, hasPlainPost) in pages)
        {
            // A handler without a name takes any name (Razor Pages' rule), so only methods without one can go unmatched.
            var attempts = new List<(string Method, string Url)>();
            if (!hasPlainGet) attempts.Add(("GET", path + "?handler=NoSuchHandler"));
            if (!hasPlainPost) attempts.AddRange([("POST", path + "?handler=NoSuchHandler"), ("POST", path)]);
            foreach (var (method, url) in attempts)
            {
                HttpStatusCode status;
                if (method == "GET")
                {
                    using var response = await admin.Client.GetAsync(url);
                    status = response.StatusCode;
                }
                else
                {
                    status = (await admin.PostRawAsync(withToken, url, [new("note", "x"), new("reason", "x")])).Status;
                }
                if (status is not (HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)) wrong.Add($"{method} {url}: {(int)status}");
            }
        }
        Assert.Empty(wrong);

        // The refusal is explained on the status page, and the session is unharmed.
        var refused = await admin.PostRawAsync(withToken, "/Requests/1", []);
        Assert.Contains("There is no such page or record", refused.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Prisoners")).Status);
    }

    /// <summary>Each page that has handlers (route values filled with 1), and whether it has a GET and a POST handler with no name.</summary>
    private async Task<List<(string Path, bool HasPlainGet, bool HasPlainPost)>> PagesAsync()
    {
        using var scope = app.Services.CreateScope();
        return (await Endpoints.PagesAsync(scope.ServiceProvider))
            .Where(p => p.Page.HandlerMethods.Count > 0)
            .Select(p => (p.Path, Plain(p.Page, HttpMethods.Get), Plain(p.Page, HttpMethods.Post)))
            .Distinct().ToList();

        static bool Plain(CompiledPageActionDescriptor page, string method) =>
            page.HandlerMethods.Any(h => h.Name is null && string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase));
    }
}
