using Microsoft.AspNetCore.Http.Features;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// Refuses a request whose declared length is over the server's limit (Kestrel: 30 MB) with 413 at once, so the user
/// reads "too large" instead of the 400 that the antiforgery check would give when the form cannot be read.
/// </summary>
public static class RequestSizeGuard
{
    public static IApplicationBuilder UseRequestSizeGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        // The status page that explains the 413 runs through here again: let it through.
        var explaining = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;
        if (!explaining && limit is not null && context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        await next(context);
    });
}
