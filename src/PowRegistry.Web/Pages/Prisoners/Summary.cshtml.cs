using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Web.Pages.Prisoners;

/// <summary>
/// One prisoner on one printed page (the browser prints it, or saves it as PDF). Opening it is recorded like opening
/// the record; next-of-kin details only for the owning desk and administrators, as on the details page.
/// </summary>
public sealed class SummaryModel(PrisonerService prisoners, WishService wishes, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public Prisoner Prisoner { get; private set; } = null!;
    public WishDeclaration? CurrentWish { get; private set; }
    public bool MaySeeSensitive => currentUser.MaySeeSensitive(Prisoner.DeskId);
    public DateTimeOffset PrintedAt => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var prisoner = await prisoners.OpenAsync(id, ct);
        if (prisoner is null) return NotFound();
        Prisoner = prisoner;
        CurrentWish = WishDeclaration.Current(await wishes.TimelineAsync(id, ct) ?? []);
        return Page();
    }
}
