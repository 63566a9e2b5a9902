using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using Microsoft.AspNetCore.Mvc.Rendering;

using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Prisoners;

public sealed class EditModel(PrisonerService prisoners, DeskService desks, CurrentUser currentUser) : PageModel
{
    [BindProperty] public PrisonerInput Form { get; set; } = new();
    public IReadOnlyList<DuplicateCandidate> Duplicates { get; private set; } = [];
    public int Id { get; private set; }
    public string Reference { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var prisoner = await prisoners.GetAsync(id, ct);
        if (prisoner is null) return NotFound();
        (Id, Reference, Form) = (id, prisoner.Reference, PrisonerInput.From(prisoner));
        await OfferDesksAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var prisoner = await prisoners.GetAsync(id, ct);
        if (prisoner is null) return NotFound();
        (Id, Reference) = (id, prisoner.Reference);
        if (!ModelState.IsValid)
        {
            await OfferDesksAsync(ct);
            return Page();
        }

        var result = await prisoners.UpdateAsync(id, Form, User.Actor(), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, nameof(Form)) is { } refused) return refused;
            if (result.Errors.Any(e => e.Field == PrisonerService.DuplicatesField)) Duplicates = await prisoners.PossibleDuplicatesAsync(Form, id, ct);
            // After a conflict the form carries the current version, so saving again is a deliberate choice.
            if (result.CurrentVersion is { } version) Form.Version = version;
            await OfferDesksAsync(ct);
            return Page();
        }
        TempData["Message"] = "Saved.";
        return RedirectToPage("Details", new { id });
    }

    /// <summary>Only administrators move a record to another desk.</summary>
    private async Task OfferDesksAsync(CancellationToken ct)
    {
        if (!currentUser.IsAdministrator)
        {
            // No desk field is shown to him, so a refused move (a forged form) is said above the form instead.
            if (ModelState[$"{nameof(Form)}.{nameof(Form.DeskId)}"] is { Errors.Count: > 0 } desk)
            {
                foreach (var error in desk.Errors.ToList()) ModelState.AddModelError("", error.ErrorMessage);
            }
            return;
        }
        var options = await desks.DesksForCurrentUserAsync(ct);
        ViewData["DeskOptions"] = options.Select(d => new SelectListItem(d.Name, d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Id == Form.DeskId)).ToList();
    }
}
