using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Prisoners;

/// <summary>Administrators merge two records of the same man; this record survives.</summary>
public sealed class MergeModel(PrisonerService prisoners, MergeService merges) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? DuplicateReference { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public Prisoner Survivor { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await merges.MergeAsync(id, DuplicateReference, Reason, User.Actor(), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, "") is { } refused) return refused;
            return Page();
        }
        this.Notify("Record {0} merged into this one.", Text.Clean(DuplicateReference)?.ToUpperInvariant() ?? "");
        return RedirectToPage("Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var survivor = await prisoners.GetAsync(id, ct);
        if (survivor is null) return false;
        Survivor = survivor;
        return true;
    }
}
