using Microsoft.AspNetCore.Http.Features;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// Refuses a request body over the server's limit (Kestrel: 30 MB) with 413 at once, so the user reads "too large"
/// instead of the 400 that the antiforgery check would give when the form cannot be read. A declared length is judged
/// before reading; a form sent without one (chunked) is read here, where Kestrel's own limit stops it, so that its
/// 413 is not swallowed later as "the form could not be read".
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
        if (!explaining && context.Request.ContentLength is null && context.Request.HasFormContentType)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted); // kept by the request: pages read it again for free
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            catch (InvalidDataException)
            {
                // A malformed form: the page's antiforgery check refuses it with 400, as it does any unreadable form.
            }
        }
        await next(context);
    });
}
