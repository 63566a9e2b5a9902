using System.Security.Claims;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Accounts;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Account;

/// <summary>The language switcher on every page (the login page included) posts here, then goes back where it was.</summary>
[AllowAnonymous]
public sealed class LanguageModel(LanguagePreference preference) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
        var back = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        if (!Languages.IsSupported(culture)) return LocalRedirect(back); // a made-up value changes nothing
        LanguageSetup.WriteCookie(Response, culture!);
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId) await preference.SetAsync(userId, culture!);
        return LocalRedirect(back);
    }
}
