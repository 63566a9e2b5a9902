using System.Text.Json;
using System.Text.Json.Serialization;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Api;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Api;

/// <summary>The JSON API at /api/v1 (ADR-010): bearer tokens, problem details, its own rate limit, OpenAPI.</summary>
public static class ApiSetup
{
    public const string PathPrefix = "/api";
    private const string SelectScheme = "PowRegistry";

    public const string DocumentPathPrefix = "/openapi";

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The OpenAPI document: read by other systems with a token, and by administrators in the browser.</summary>
    public static bool IsDocument(HttpContext context) => context.Request.Path.StartsWithSegments(DocumentPathPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Addresses programs call: they answer with problem details, never an HTML page or a redirect to the login page.</summary>
    public static bool IsForPrograms(HttpContext context) => IsApi(context) || IsDocument(context);

    public static IServiceCollection AddPowRegistryApi(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("PowRegistry:Api").Get<ApiSettings>() ?? new ApiSettings();

        // Bearer tokens for /api, the session cookie for everything else: the API never accepts a cookie (no CSRF),
        // and a page never accepts a token. Registered after AddIdentity, so these defaults replace Identity's.
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddPolicyScheme(SelectScheme, null, o => o.ForwardDefaultSelector = context =>
                IsApi(context) || (IsDocument(context) && context.Request.Headers.Authorization.Count > 0)
                    ? ApiTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme);
        // The session cookie's challenge redirects a page to the login page; a program gets the bare status, which
        // UseApiErrors turns into problem details.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var toLogin = o.Events.OnRedirectToLogin;
            var toAccessDenied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToLogin = context => Bare(context, StatusCodes.Status401Unauthorized, toLogin);
            o.Events.OnRedirectToAccessDenied = context => Bare(context, StatusCodes.Status403Forbidden, toAccessDenied);
        });
        services.Configure<AuthenticationOptions>(o =>
        {
            o.DefaultAuthenticateScheme = SelectScheme;
            o.DefaultChallengeScheme = SelectScheme;
            o.DefaultForbidScheme = SelectScheme;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Read, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(ApiPolicies.Write, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireAuthenticatedUser()
                .RequireClaim(ApiTokenHandler.ScopeClaim, ApiScopes.ReadWrite).RequireRole(Roles.Administrator, Roles.CaseOfficer))
            .AddPolicy(ApiPolicies.Administer, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireAuthenticatedUser()
                .RequireClaim(ApiTokenHandler.ScopeClaim, ApiScopes.ReadWrite).RequireRole(Roles.Administrator))
            // Any valid token (it describes the API, not the records), or an administrator's session for /Admin/Api.
            .AddPolicy(ApiPolicies.Document, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
                c.User.HasClaim(claim => claim.Type == ApiTokenHandler.ScopeClaim) || c.User.IsInRole(Roles.Administrator)));

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddProblemDetails();

        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            ApiReference.AddBearerToDocument(o);
        });
        return services;
    }

    private static Task Bare(RedirectContext<CookieAuthenticationOptions> context, int status, Func<RedirectContext<CookieAuthenticationOptions>, Task> page)
    {
        if (!IsForPrograms(context.HttpContext)) return page(context);
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>
    /// For /api and /openapi: errors are problem details, never the HTML status and error pages. Goes after those
    /// middlewares, so that it can switch them off for these requests, and before authentication and the rate limiter.
    /// </summary>
    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!IsForPrograms(context))
        {
            await next(context);
            return;
        }
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages) statusPages.Enabled = false;
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await ApiProblems.WriteAsync(context, e.StatusCode, "The request could not be read.");
            return;
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiSetup)).LogError(e, "API request failed");
            context.Response.Clear();
            await ApiProblems.WriteAsync(context, StatusCodes.Status500InternalServerError, "Something went wrong on our side. Nothing was saved.");
            return;
        }
        if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && context.Response.ContentType is null)
        {
            await ApiProblems.WriteAsync(context, context.Response.StatusCode, context.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => "There is nothing at this address.",
                StatusCodes.Status405MethodNotAllowed => "This address does not take this method.",
                _ => null,
            });
        }
    });

    public static void MapPowRegistryApi(this WebApplication app)
    {
        var v1 = app.MapGroup("/api/v1")
            .RequireAuthorization(ApiPolicies.Read)
            .WithMetadata(new ApiRateLimiting.Limited())
            .WithTags("PowRegistry API v1");
        v1.MapPrisoners();
        v1.MapRequests();
        v1.MapConsultations();
    }
}
