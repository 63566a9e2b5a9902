using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Accounts;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages;

/// <summary>Creates the first administrator with the one-time token; gone once any user exists.</summary>
public sealed class SetupModel(FirstRun firstRun) : PageModel
{
    [BindProperty] public SetupInput Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() =>
        await firstRun.NeedsSetupAsync() ? Page() : RedirectToPage("/Account/Login");

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await firstRun.NeedsSetupAsync()) return RedirectToPage("/Account/Login");
        var result = await firstRun.CompleteSetupAsync(Form);
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, nameof(Form)) is { } refused) return refused;
            return Page();
        }
        this.Notify("The administrator account is ready. Log in with it.");
        return RedirectToPage("/Account/Login");
    }
}
