using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// At most N login attempts per window (10 a minute by default) for each account and, separately, for each client
/// address (OWASP ASVS 2.2.1): guessing one account from many addresses, or many accounts from one address, is
/// slowed. The lockout after 5 failures stays the last word for one account. Over the limit the answer is 429, and
/// the status-code page tells the user to wait.
/// </summary>
public static class LoginRateLimiting
{
    private const string AccountKeyItem = "PowRegistry.LoginAccountKey";

    public static IServiceCollection AddLoginRateLimiting(this IServiceCollection services, SignInSettings settings)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    Limit(context, context.Items[AccountKeyItem] as string ?? "account:unknown", settings)),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    Limit(context, "address:" + AddressKey(context.Connection.RemoteIpAddress), settings)));
            o.OnRejected = async (rejected, ct) =>
            {
                var context = rejected.HttpContext;
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LoginRateLimiting))
                    .LogWarning("Login attempt refused: more than {Limit} attempts within {Window} for one account or one address", settings.AttemptsPerWindow, settings.AttemptWindow);
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(settings.AttemptWindow.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await WriteTooManyAttemptsPageAsync(context, ct);
            };
        });
        return services;
    }

    public static IApplicationBuilder UseLoginRateLimiting(this IApplicationBuilder app)
    {
        // The partitions are chosen synchronously, so the account is read here first: the submitted email for a
        // password, the pending user id (from Identity's two-factor cookie) for a code.
        app.Use(async (context, next) =>
        {
            if (LoginStep(context) is { } step) context.Items[AccountKeyItem] = await AccountKeyAsync(context, step);
            await next(context);
        });
        app.UseRateLimiter();
        return app;
    }

    private static bool IsLoginAttempt(HttpContext context) => LoginStep(context) is not null;

    private static LoginAttemptAttribute? LoginStep(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) ? context.GetEndpoint()?.Metadata.GetMetadata<LoginAttemptAttribute>() : null;

    private static RateLimitPartition<string> Limit(HttpContext context, string key, SignInSettings settings) =>
        IsLoginAttempt(context)
            ? RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = settings.AttemptsPerWindow,
                Window = settings.AttemptWindow,
                SegmentsPerWindow = 6,
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter("");

    private static async Task<string> AccountKeyAsync(HttpContext context, LoginAttemptAttribute step)
    {
        if (step.SecondFactor)
        {
            var pending = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
            return "user:" + (pending.Principal?.FindFirstValue(ClaimTypes.Name) ?? "unknown");
        }

        if (!context.Request.HasFormContentType) return "account:unknown";
        try
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var email = form["Form.Email"].ToString().Trim();
            return "email:" + (email.Length > 256 ? email[..256] : email).ToUpperInvariant();
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return "account:unknown"; // a malformed or oversized body: the page refuses it after the limit is counted
        }
    }

    /// <summary>
    /// The 429 page is written here rather than by the status-code pages: those need a signed-in user, and a flood of
    /// refused attempts should cost the server as little as possible (no Razor, no database).
    /// </summary>
    private static Task WriteTooManyAttemptsPageAsync(HttpContext context, CancellationToken ct)
    {
        var t = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        string Text(string key) => HtmlEncoder.Default.Encode(t[key]);
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="{HtmlEncoder.Default.Encode(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)}">
            <head><meta charset="utf-8" /><title>{Text("Too many attempts")} — PowRegistry</title><link rel="stylesheet" href="/css/site.css" /></head>
            <body><header class="top"><a class="brand" href="/">PowRegistry</a></header>
            <main><h1>{Text("Too many attempts")}</h1>
            <p>{Text("There were too many login attempts for this account or from this network. Wait a minute, then try again.")}</p>
            <p><a href="/Account/Login">{Text("Back to the login page")}</a></p></main></body>
            </html>
            """, ct);
    }

    /// <summary>An IPv6 client usually owns a whole /64, so the limit applies to the /64 rather than to one address.</summary>
    internal static string AddressKey(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4().ToString();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
