using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Prisoners;

public sealed class DocumentsModel(PrisonerService prisoners) : PageModel
{
    [BindProperty] public IdentityDocumentInput Form { get; set; } = new();
    public Prisoner Prisoner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ? Page() : NotFound();
        var result = await prisoners.AddDocumentAsync(id, Form, User.Actor(), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, nameof(Form)) is { } refused) return refused;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        TempData["Message"] = "Document added.";
        return RedirectToPage("Documents", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var prisoner = await prisoners.GetAsync(id, ct);
        if (prisoner is null) return false;
        Prisoner = prisoner;
        return true;
    }
}
