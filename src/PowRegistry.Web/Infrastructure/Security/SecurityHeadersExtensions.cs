namespace PowRegistry.Web.Infrastructure;

public static class SecurityHeadersExtensions
{
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services) =>
        services.Configure<StaticFileOptions>(o => o.OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = SecurityHeaders.StaticFileCaching);

    /// <summary>First in the pipeline, so that every response carries the headers.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.UseMiddleware<SecurityHeaders>();
}
