using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Prisoners;

public sealed class AliasesModel(PrisonerService prisoners) : PageModel
{
    [BindProperty] public AliasInput Form { get; set; } = new();
    public Prisoner Prisoner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ? Page() : NotFound();
        var result = await prisoners.AddAliasAsync(id, Form, User.Actor(), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, nameof(Form)) is { } refused) return refused;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        TempData["Message"] = "Alias added.";
        return RedirectToPage("Aliases", new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int aliasId, CancellationToken ct)
    {
        var result = await prisoners.RemoveAliasAsync(id, aliasId, User.Actor(), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, "") is { } refused) return refused;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        TempData["Message"] = "Alias removed.";
        return RedirectToPage("Aliases", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var prisoner = await prisoners.GetAsync(id, ct);
        if (prisoner is null) return false;
        Prisoner = prisoner;
        return true;
    }
}
