using System.Net;

using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

using PowRegistry.Core.Accounts;

using PowRegistry.Web.Api;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// Hardened sign-in (OWASP ASVS level 2): cookies, server-side sessions, password rules beyond length, login rate
/// limits and the second factor. Identity itself is added by <see cref="StartupExtensions.AddPowRegistryIdentity"/>.
/// </summary>
public static class SignInSetup
{
    public const string SessionCookie = "__Host-PowRegistry";

    public static IServiceCollection AddPowRegistrySignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = SignInSettings.From(configuration);
        services.AddSingleton(settings);

        services.AddScoped<IPasswordValidator<AppUser>, CommonPasswordValidator>();
        // Identity rehashes a stored password with fewer iterations at the user's next successful login.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        // A disabled account, a changed role or a new 2FA requirement reaches open sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddScoped<TwoFactorService>();
        services.AddScoped<IUserClaimsPrincipalFactory<AppUser>, AppUserClaimsPrincipalFactory>();
        services.AddTransient<SingleUseAuthenticatorTokenProvider>();
        services.Configure<IdentityOptions>(o =>
        {
            o.Tokens.ProviderMap[SingleUseAuthenticatorTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(SingleUseAuthenticatorTokenProvider));
            o.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.ProviderName;
        });

        services.AddSingleton<ITicketStore, DatabaseTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<ITicketStore>((o, store) => o.SessionStore = store);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            HostOnly(o.Cookie, SessionCookie);
            o.ExpireTimeSpan = settings.IdleTimeout;
            o.SlidingExpiration = true;
        });
        // Between password and code: holds only the user id, for five minutes.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => HostOnly(o.Cookie, SessionCookie + ".TwoFactor"));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o => HostOnly(o.Cookie, SessionCookie + ".Device"));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o => HostOnly(o.Cookie, SessionCookie + ".External"));
        services.AddAntiforgery(o =>
        {
            HostOnly(o.Cookie, SessionCookie + ".Antiforgery");
            // Antiforgery refuses to work over plain HTTP when told "Always", and `dotnet run` serves
            // http://localhost. The cookie policy below marks this cookie Secure all the same.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<CookieTempDataProviderOptions>(o => HostOnly(o.Cookie, SessionCookie + ".Notice"));
        // Every cookie the app sets, whoever sets it: Secure, HttpOnly, SameSite=Strict. Browsers accept Secure
        // cookies from http://localhost and 127.0.0.1, so local runs work; elsewhere a TLS proxy is required.
        services.AddCookiePolicy(o =>
        {
            o.Secure = CookieSecurePolicy.Always;
            o.HttpOnly = HttpOnlyPolicy.Always;
            o.MinimumSameSitePolicy = SameSiteMode.Strict;
        });

        services.AddTrustedProxies(configuration);

        services.Configure<MvcOptions>(o => o.Filters.Add<TwoFactorEnrolmentFilter>());
        return services;
    }

    /// <summary>Cookie policy and login rate limits; after routing (the limits look at the endpoint), before authentication.</summary>
    public static IApplicationBuilder UseSignInProtection(this IApplicationBuilder app)
    {
        WarnWhenServedOverPlainHttp(app.ApplicationServices);
        app.UseCookiePolicy();
        app.UseLoginRateLimiting();
        app.UseApiRateLimiting(); // the API's per-token limit, counted across instances
        return app;
    }

    /// <summary>
    /// Browsers drop Secure cookies over plain HTTP except on localhost, so there login would silently fail:
    /// say so at start-up instead. Behind a TLS proxy the warning is a reminder that the proxy is needed.
    /// </summary>
    private static void WarnWhenServedOverPlainHttp(IServiceProvider services)
    {
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses.Where(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !IsLoopback(a)))
            {
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInSetup)).LogWarning(
                    "Listening on {Address} over plain HTTP: sign-in cookies are Secure, so browsers reach PowRegistry only through HTTPS (a TLS reverse proxy) or on localhost", address);
            }
        });
    }

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));

    /// <summary>The __Host- prefix makes browsers refuse the cookie unless it is Secure, for path / and without Domain.</summary>
    private static void HostOnly(CookieBuilder cookie, string name)
    {
        cookie.Name = name;
        cookie.Path = "/";
        cookie.Domain = null;
        cookie.SecurePolicy = CookieSecurePolicy.Always;
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Strict;
    }
}
