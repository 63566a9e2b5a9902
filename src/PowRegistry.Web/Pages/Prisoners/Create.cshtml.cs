using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using Microsoft.AspNetCore.Mvc.Rendering;

using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Prisoners;

public sealed class CreateModel(PrisonerService prisoners, DeskService desks) : PageModel
{
    [BindProperty] public PrisonerInput Form { get; set; } = new();
    public IReadOnlyList<DuplicateCandidate> Duplicates { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => OfferDesksAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await OfferDesksAsync(ct);
            return Page();
        }
        var result = await prisoners.CreateAsync(Form, User.Actor(), ct);
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, nameof(Form)) is { } refused) return refused;
            if (result.Errors.Any(e => e.Field == PrisonerService.DuplicatesField)) Duplicates = await prisoners.PossibleDuplicatesAsync(Form, null, ct);
            await OfferDesksAsync(ct);
            return Page();
        }
        this.Notify("Registered as {0}.", result.Value!.Reference);
        return RedirectToPage("Details", new { id = result.Value.Id });
    }

    /// <summary>The desks the user may file the record under.</summary>
    private async Task OfferDesksAsync(CancellationToken ct)
    {
        var options = await desks.DesksForCurrentUserAsync(ct);
        ViewData["DeskOptions"] = options.Select(d => new SelectListItem(d.Name, d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Id == Form.DeskId)).ToList();
    }
}
