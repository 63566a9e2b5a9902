using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace PowRegistry.Web.Tests.Infrastructure;

/// <summary>
/// The app's own endpoints, for tests that must cover every page or API route, including ones added later without
/// anyone remembering to list them.
/// </summary>
public static class Endpoints
{
    /// <summary>Every route endpoint the app maps.</summary>
    public static IReadOnlyList<RouteEndpoint> All(IServiceProvider services) =>
        services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().ToList();

    /// <summary>Every Razor page with its compiled descriptor (its handlers, filters) and a URL with route values filled with 1.</summary>
    public static async Task<IReadOnlyList<(string Path, RouteEndpoint Endpoint, CompiledPageActionDescriptor Page)>> PagesAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var pages = new List<(string, RouteEndpoint, CompiledPageActionDescriptor)>();
        foreach (var endpoint in All(services))
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor) continue;
            pages.Add((PathOf(endpoint), endpoint, await loader.LoadAsync(descriptor, endpoint.Metadata)));
        }
        return pages;
    }

    /// <summary>The endpoint's route with every parameter filled with 1 (e.g. /Requests/1).</summary>
    public static string PathOf(RouteEndpoint endpoint) => "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(Segment));

    private static string Segment(RoutePatternPathSegment segment) =>
        string.Concat(segment.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart => "1",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }));
}
