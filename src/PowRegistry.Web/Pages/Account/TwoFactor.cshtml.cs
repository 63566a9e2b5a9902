using System.ComponentModel.DataAnnotations;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Account;

/// <summary>Each user turns their own authenticator-app second factor on or off here.</summary>
public sealed class TwoFactorModel(TwoFactorService twoFactor, UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public CodeInput Form { get; set; } = new();
    public TwoFactorStatus Status { get; private set; } = null!;
    public string? QrCodeDataUri { get; private set; }

    /// <summary>Set when the user's role requires a second factor and they have none yet: every other page sends them here.</summary>
    public bool MustEnrol => User.HasClaim(TwoFactorService.EnrolmentPendingClaimType, "true");

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var result = await twoFactor.EnableAsync(User.Actor().UserId, Form.Code);
        if (result.IsNotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, nameof(Form)) is { } refused) return refused;
            return await LoadAsync() ? Page() : NotFound();
        }
        await RefreshSignInAsync();
        this.Notify("Two-factor sign-in is on. From now on, logging in asks for a code from your app.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var result = await twoFactor.DisableAsync(User.Actor().UserId);
        if (result.IsNotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, "") is { } refused) return refused;
            return await LoadAsync() ? Page() : NotFound();
        }
        await RefreshSignInAsync();
        this.Notify("Two-factor sign-in is off.");
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync()
    {
        var status = await twoFactor.GetStatusAsync(User.Actor().UserId);
        if (status is null) return false;
        Status = status;
        if (status.AuthenticatorUri is not null)
        {
            QrCodeDataUri = QrCode.PngDataUri(status.AuthenticatorUri);
            // Creating the key renewed the security stamp; keep this session valid and its claims current.
            await RefreshSignInAsync();
        }
        return true;
    }

    /// <summary>Each change renews the security stamp: re-issue the session so it stays valid and its claims are current.</summary>
    private async Task RefreshSignInAsync()
    {
        if (await users.GetUserAsync(User) is { } user) await signIn.RefreshSignInAsync(user);
    }

    /// <summary>"ABCD EFGH …": easier to type into an app than one long string.</summary>
    public static string Grouped(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4)))).ToArray()).ToLowerInvariant();

    public sealed class CodeInput
    {
        [Display(Name = "Code from the app")] public string? Code { get; set; }
    }
}
