using System.Globalization;

using PowRegistry.Core.Api;
using PowRegistry.Core.Instances;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Api;

/// <summary>
/// At most <see cref="ApiSettings.RequestsPerMinute"/> API requests a minute per token (ADR-010), counted in the
/// database (<see cref="ApiRequestCounts"/>) so that the limit holds however a proxy spreads them over app instances
/// (ADR-022). Over the limit the answer is 429 as problem details, with Retry-After.
/// </summary>
public static class ApiRateLimiting
{
    /// <summary>Marks the endpoints the limit applies to (the /api/v1 group).</summary>
    public sealed class Limited;

    /// <summary>After routing (the limit looks at the endpoint), before authentication: a refused request costs one statement.</summary>
    public static IApplicationBuilder UseApiRateLimiting(this IApplicationBuilder app)
    {
        var settings = app.ApplicationServices.GetRequiredService<IConfiguration>().GetSection("PowRegistry:Api").Get<ApiSettings>() ?? new ApiSettings();
        var counts = app.ApplicationServices.GetRequiredService<ApiRequestCounts>();
        return app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<Limited>() is not null
                && !await counts.TryCountAsync(PartitionKey(context), settings.RequestsPerMinute, context.RequestAborted))
            {
                context.Response.Headers.RetryAfter = "60";
                await ApiProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests,
                    string.Create(CultureInfo.InvariantCulture, $"More than {settings.RequestsPerMinute} requests a minute with this token (or, without a valid-looking one, from this address). Wait, then try again."));
                return;
            }
            await next(context);
        });
    }

    /// <summary>
    /// One count per well-formed bearer token (by its hash, never the token itself); any other caller, with no,
    /// a malformed or a non-bearer Authorization header, by client address (an IPv6 /64), so that a made-up header per
    /// request does not buy a fresh allowance. Runs before authentication: the token is not looked up for this.
    /// </summary>
    private static string PartitionKey(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var presented = header["Bearer ".Length..].Trim();
            if (ApiToken.IsWellFormed(presented)) return "token:" + ApiToken.HashOf(presented);
        }
        return "address:" + LoginRateLimiting.AddressKey(context.Connection.RemoteIpAddress);
    }
}
