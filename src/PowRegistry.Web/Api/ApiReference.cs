using Microsoft.OpenApi;

using PowRegistry.Core.Accounts;
using PowRegistry.Web.Infrastructure;

using Scalar.AspNetCore;

namespace PowRegistry.Web.Api;

/// <summary>
/// The OpenAPI document (/openapi/v1.json: any API token, or an administrator's session) and the interactive reference
/// (/Admin/Api, Scalar: administrators).
/// Scalar's script is served by the app itself (no CDN). Its page alone gets a wider CSP: its inline start-up script
/// is allowed by a per-request nonce, and its components need inline styles.
/// </summary>
public static class ApiReference
{
    public const string Path = "/Admin/Api";

    public static void AddBearerToDocument(Microsoft.AspNetCore.OpenApi.OpenApiOptions options) =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "PowRegistry API";
            document.Info.Description = "The register of prisoners of war, for other systems. Authenticate with `Authorization: Bearer pwr_…` (a personal access token an administrator issues at /Admin/Tokens). See docs/api.md.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal access token (pwr_…); read tokens cannot change anything.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
            return Task.CompletedTask;
        });

    public static void MapApiReference(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(ApiPolicies.Document);
        app.MapScalarApiReference(Path, o => o
                .WithTitle("PowRegistry API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .WithNonce()
                .DisableDefaultFonts())
            .RequireAuthorization(Policies.Administer);
    }

    /// <summary>Before the security headers are written: on the reference page only, allow Scalar's nonce script and inline styles.</summary>
    public static IApplicationBuilder UseApiReferencePolicy(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase))
        {
            context.Items[SecurityHeaders.ContentSecurityPolicyItem] = (Func<HttpContext, string>)(c =>
                c.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce
                    ? ReferencePolicy.Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal)
                    : ReferencePolicy);
        }
        return next(context);
    });

    /// <summary>
    /// The app's policy (derived from it, so tightening that carries over) with inline styles allowed (Scalar's
    /// components set styles at run time) and fonts from data: URLs.
    /// </summary>
    public static readonly string ReferencePolicy = SecurityHeaders.ContentSecurityPolicy
        .Replace("style-src 'self';", "style-src 'self' 'unsafe-inline';", StringComparison.Ordinal)
        .Replace("object-src 'none';", "font-src 'self' data:; object-src 'none';", StringComparison.Ordinal);
}
