using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Web.Pages.Prisoners;

/// <summary>
/// The capture card of GC III Art. 70, laid out like the model card of Annex IV B, filled in from the record for
/// printing. Opening it is recorded in the audit trail like opening the record.
/// </summary>
public sealed class CaptureCardModel(PrisonerService prisoners, CurrentUser currentUser) : PageModel
{
    public Prisoner Prisoner { get; private set; } = null!;

    /// <summary>Father's first name and the family's address are next-of-kin details: the owning desk and administrators only.</summary>
    public bool MaySeeSensitive => currentUser.MaySeeSensitive(Prisoner.DeskId);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var prisoner = await prisoners.OpenAsync(id, ct);
        if (prisoner is null) return NotFound();
        Prisoner = prisoner;
        return Page();
    }
}
