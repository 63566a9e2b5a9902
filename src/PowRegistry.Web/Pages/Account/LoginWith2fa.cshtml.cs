using System.ComponentModel.DataAnnotations;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Accounts;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Account;

/// <summary>The second step of a login for a user with two-factor sign-in: the code from the authenticator app.</summary>
[LoginAttempt(SecondFactor = true)]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, ILogger<LoginWith2faModel> logger) : PageModel
{
    [BindProperty] public CodeInput Form { get; set; } = new();
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        // Only after a correct password: Identity's short-lived two-factor cookie names the user.
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("Login");

        var code = TwoFactorService.CleanCode(Form.Code);
        // A wrong code counts towards the lockout like a wrong password.
        var result = code is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (code is null) await signIn.UserManager.AccessFailedAsync(user);
        if (!result.Succeeded)
        {
            logger.LogWarning("Failed second factor for user {UserId} (locked out: {LockedOut})", user.Id, result.IsLockedOut);
            ModelState.AddModelError("", result.IsLockedOut
                ? "Too many wrong codes: the account is locked for a while. Try again later or ask an administrator."
                : "That code is not right. Enter the 6-digit code your authenticator app shows now.");
            return Page();
        }

        logger.LogInformation("User {UserId} logged in with a second factor", user.Id);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    public sealed class CodeInput
    {
        [Display(Name = "Authentication code")] public string? Code { get; set; }
    }
}
