using System.ComponentModel.DataAnnotations;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Accounts;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Account;

[LoginAttempt]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, DecoyPasswordCheck decoy, FirstRun firstRun, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty] public LoginInput Form { get; set; } = new();
    public string? ReturnUrl { get; set; }
    public bool NeedsSetup { get; private set; }

    public async Task OnGetAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        NeedsSetup = await firstRun.NeedsSetupAsync();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        const string refused = "The email or password is not right, or the account is locked or disabled.";
        if (string.IsNullOrWhiteSpace(Form.Email) || string.IsNullOrEmpty(Form.Password) || Form.Email.Length > 254 || Form.Password.Length > 256)
        {
            ModelState.AddModelError("", refused);
            return Page();
        }

        // One path whatever the account's state: each refusal costs one password hash, as a wrong password does.
        var user = await users.FindByEmailAsync(Form.Email.Trim());
        if (user is null || user.IsDisabled || await users.IsLockedOutAsync(user))
        {
            decoy.Spend(Form.Password);
            if (user is not null) logger.LogWarning("Refused login for user {UserId} (disabled: {Disabled})", user.Id, user.IsDisabled);
            ModelState.AddModelError("", refused);
            return Page();
        }

        // lockoutOnFailure: true — five wrong passwords lock the account (OWASP ASVS 2.2.1).
        var result = await signIn.PasswordSignInAsync(user, Form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor) return RedirectToPage("LoginWith2fa", new { returnUrl });
        if (!result.Succeeded)
        {
            logger.LogWarning("Failed login for user {UserId} (locked out: {LockedOut})", user.Id, result.IsLockedOut);
            ModelState.AddModelError("", refused);
            return Page();
        }

        logger.LogInformation("User {UserId} logged in", user.Id);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    public sealed class LoginInput
    {
        [Display(Name = "Email")] public string? Email { get; set; }
        [Display(Name = "Password")] public string? Password { get; set; }
    }
}
