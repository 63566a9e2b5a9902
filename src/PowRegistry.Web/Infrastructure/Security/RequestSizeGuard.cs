using Microsoft.AspNetCore.Http.Features;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// Refuses a request body over the server's limit (Kestrel: 30 MB) with 413, so the user reads "too large" instead of
/// the 400 that the antiforgery check gives when the form cannot be read.
/// </summary>
public static class RequestSizeGuard
{
    /// <summary>
    /// The import page takes a file of up to <see cref="Core.Exchange.PrisonerImport.MaxBytes"/> (100,000 rows), more than
    /// the server's limit: its posts get that much plus room for the multipart envelope and the other fields. Only an
    /// officer allowed on the page has the body read (authorization runs before the form is read).
    /// </summary>
    public const long ImportBodyLimit = Core.Exchange.PrisonerImport.MaxBytes + (1024 * 1024);

    /// <summary>A declared length over the limit is refused at once, before anything reads the body.</summary>
    public static IApplicationBuilder UseRequestSizeGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false } && HttpMethods.IsPost(context.Request.Method)
            && context.Request.Path.Equals("/Prisoners/Import", StringComparison.OrdinalIgnoreCase))
        {
            feature.MaxRequestBodySize = ImportBodyLimit;
        }
        var limit = feature?.MaxRequestBodySize;
        if (!Explaining(context) && limit is not null && context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        await next(context);
    });

    /// <summary>
    /// A form sent without a declared length (chunked) is read here, where Kestrel's own limit stops it, so that its
    /// 413 is not swallowed later as "the form could not be read". Placed after authorization: only a caller allowed on
    /// the page has his body read, as the page itself would, and the API (which reads no forms) is left alone.
    /// </summary>
    public static IApplicationBuilder UseChunkedFormLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!Explaining(context) && context.Request.ContentLength is null && context.Request.HasFormContentType
            && !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted); // kept by the request: the page reads it again for free
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

    /// <summary>The status page that explains a refusal runs through here again: let it through.</summary>
    private static bool Explaining(HttpContext context) =>
        context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;
}
