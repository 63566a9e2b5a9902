using System.Globalization;
using System.Security.Claims;

using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

using PowRegistry.Core.Accounts;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// Which language a request is answered in: the language cookie (set by the switcher on every page, and from the
/// account's stored choice at sign-in), else the browser's Accept-Language, else English. The cookie carries no
/// secret and decides nothing but words, so reading it per request needs no database.
/// </summary>
public static class LanguageSetup
{
    public const string CookieName = SignInSetup.SessionCookie + ".Language";

    public static IServiceCollection AddLanguages(this IServiceCollection services)
    {
        // At every sign-in (password, second factor, refresh): his stored choice follows him to this browser; a choice
        // made on the login page before he had signed in becomes his stored one.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var signedIn = o.Events.OnSignedIn;
            o.Events.OnSignedIn = async context =>
            {
                await signedIn(context);
                if (context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return;
                var preference = context.HttpContext.RequestServices.GetRequiredService<LanguagePreference>();
                if (await preference.OfAsync(userId) is { } stored) WriteCookie(context.HttpContext.Response, stored);
                else if (context.Request.Cookies[CookieName] is { } cookie && ParseCookie(cookie) is { } chosen) await preference.SetAsync(userId, chosen);
            };
        });
        return services;
    }

    public static IApplicationBuilder UseLanguages(this IApplicationBuilder app)
    {
        var cultures = Languages.Supported.Select(CultureInfo.GetCultureInfo).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Languages.English),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentCultures = true, // Accept-Language "ko-KR" → ko, "uk-UA" → uk
            FallBackToParentUICultures = true,
            RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ],
        };
        return app.UseRequestLocalization(options);
    }

    public static void WriteCookie(HttpResponse response, string language) =>
        response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)), new CookieOptions
        {
            Path = "/",
            Secure = true, // the __Host- prefix requires it
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });

    private static string? ParseCookie(string value) =>
        CookieRequestCultureProvider.ParseCookieValue(value)?.UICultures.FirstOrDefault().Value is { } language && Languages.IsSupported(language) ? language : null;
}
