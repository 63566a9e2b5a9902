using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Text.Encodings.Web;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

using PowRegistry.Core.Instances;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// At most N login attempts per window (10 a minute by default) for each account and, separately, for each client
/// address (OWASP ASVS 2.2.1): guessing one account from many addresses, or many accounts from one address, is
/// slowed. The lockout after 5 failures stays the last word for one account. Attempts are counted in the database
/// (<see cref="LoginAttempts"/>), so the limit holds however a proxy spreads them over app instances (ADR-022). Over
/// the limit the answer is 429, and a small page tells the user to wait.
/// </summary>
public static class LoginRateLimiting
{
    /// <summary>After routing (the limit looks at the endpoint), before authentication.</summary>
    public static IApplicationBuilder UseLoginRateLimiting(this IApplicationBuilder app)
    {
        var settings = app.ApplicationServices.GetRequiredService<SignInSettings>();
        var attempts = app.ApplicationServices.GetRequiredService<LoginAttempts>();
        app.Use(async (context, next) =>
        {
            if (LoginStep(context) is { } step)
            {
                // The client address is the proxy's X-Forwarded-For only when the proxy is trusted (TrustedProxies).
                string[] keys = [await AccountKeyAsync(context, step), "address:" + AddressKey(context.Connection.RemoteIpAddress)];
                if (!await attempts.TryRecordAsync(keys, settings.AttemptsPerWindow, settings.AttemptWindow, context.RequestAborted))
                {
                    context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LoginRateLimiting))
                        .LogWarning("Login attempt refused: more than {Limit} attempts within {Window} for one account or one address", settings.AttemptsPerWindow, settings.AttemptWindow);
                    context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(settings.AttemptWindow.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                    await WriteTooManyAttemptsPageAsync(context, context.RequestAborted);
                    return;
                }
            }
            await next(context);
        });
        return app;
    }

    private static LoginAttemptAttribute? LoginStep(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) ? context.GetEndpoint()?.Metadata.GetMetadata<LoginAttemptAttribute>() : null;

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
