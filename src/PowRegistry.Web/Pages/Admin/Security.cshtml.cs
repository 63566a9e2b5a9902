using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Admin;

/// <summary>Which roles must use two-factor sign-in, and a reset for a user who lost their device.</summary>
public sealed class SecurityModel(TwoFactorService twoFactor, MessageText text, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<RoleTwoFactorRow> RoleRules { get; private set; } = [];
    public IReadOnlyList<UserTwoFactorRow> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRequireAsync(string? role, bool? required, CancellationToken ct)
    {
        // A missing or unreadable choice is refused, never read as "optional": that would drop a role's second factor.
        if (required is null || !ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("", t["Say whether two-factor sign-in is required or optional."]);
            await LoadAsync(ct);
            return Page();
        }
        var result = await twoFactor.SetRequiredForRoleAsync(role, required.Value, User.Actor());
        if (result.IsNotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, "") is { } refused) return refused;
            await LoadAsync(ct);
            return Page();
        }
        var label = text[Roles.Label(role!)];
        if (required.Value) this.Notify("Two-factor sign-in is now required for {0}. Members without it are sent to set it up within a minute.", label);
        else this.Notify("Two-factor sign-in is now optional for {0}.", label);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetAsync(string id)
    {
        var result = await twoFactor.ResetForUserAsync(id, User.Actor());
        if (result.IsNotFound) return NotFound();
        this.Notify("Two-factor sign-in was reset. The user's sessions end; they set it up again at their next login if their role requires it.");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        RoleRules = await twoFactor.ListRoleRequirementsAsync();
        Users = await twoFactor.ListUsersAsync(ct);
    }
}
