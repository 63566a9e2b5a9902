using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Web.Pages.Prisoners;

/// <summary>Everything about one prisoner on one page, timeline included.</summary>
public sealed class DetailsModel(PrisonerService prisoners) : PageModel
{
    public Prisoner Prisoner { get; private set; } = null!;
    public bool CanEdit => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.CaseOfficer);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var prisoner = await prisoners.GetAsync(id, ct);
        if (prisoner is null) return NotFound();
        Prisoner = prisoner;
        return Page();
    }
}
