using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Prisoners;

public sealed class EditModel(PrisonerService prisoners) : PageModel
{
    [BindProperty] public PrisonerInput Form { get; set; } = new();
    public int Id { get; private set; }
    public string Reference { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var prisoner = await prisoners.GetAsync(id, ct);
        if (prisoner is null) return NotFound();
        (Id, Reference, Form) = (id, prisoner.Reference, PrisonerInput.From(prisoner));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var prisoner = await prisoners.GetAsync(id, ct);
        if (prisoner is null) return NotFound();
        (Id, Reference) = (id, prisoner.Reference);
        if (!ModelState.IsValid) return Page();

        var result = await prisoners.UpdateAsync(id, Form, User.Actor(), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, nameof(Form));
            // After a conflict the form carries the current version, so saving again is a deliberate choice.
            if (result.CurrentVersion is { } version) Form.Version = version;
            return Page();
        }
        TempData["Message"] = "Saved.";
        return RedirectToPage("Details", new { id });
    }
}
