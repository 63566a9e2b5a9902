namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// Response headers on every response — pages, static files, status pages, /health (OWASP ASVS 14.4). Set when the
/// response starts, so error and re-executed status pages get them too.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>Only this origin's scripts, styles and images (and data: images for the QR code); no plugins, no framing, no base tag, forms post here only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>A year. Set directly: UseHsts leaves out localhost, and browsers ignore it over plain HTTP anyway.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    /// <summary>Static files (CSS, referenced with a version hash) may be cached; everything else may hold personal data.</summary>
    public const string StaticFileCaching = "public, max-age=604800";

    /// <summary>
    /// An HttpContext item holding a Func&lt;HttpContext, string&gt;: a wider policy for one path only, computed when
    /// the response starts (the API reference page, whose script nonce is made by its endpoint; see Api/ApiReference).
    /// </summary>
    public const string ContentSecurityPolicyItem = "PowRegistry.ContentSecurityPolicy";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Items[ContentSecurityPolicyItem] is Func<HttpContext, string> policy ? policy(context) : ContentSecurityPolicy;
            headers.StrictTransportSecurity = StrictTransportSecurity;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (!headers.CacheControl.ToString().Contains("no-store", StringComparison.Ordinal) && headers.CacheControl != StaticFileCaching)
            {
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
