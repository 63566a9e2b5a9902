using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Prisoners;

public sealed class AddEventModel(PrisonerService prisoners) : PageModel
{
    [BindProperty] public CustodyEventInput Form { get; set; } = new();
    public int Id { get; private set; }
    public string Reference { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await prisoners.AddCustodyEventAsync(id, Form, User.Actor(), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, nameof(Form)) is { } refused) return refused;
            return Page();
        }
        TempData["Message"] = "Custody event added.";
        return RedirectToPage("Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var prisoner = await prisoners.GetAsync(id, ct);
        if (prisoner is null) return false;
        (Id, Reference) = (id, prisoner.Reference);
        return true;
    }
}
