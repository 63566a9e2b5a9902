using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Retention;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Admin.Retention;

/// <summary>One record's retention: its legal hold (placed and lifted with a reason), and early anonymisation on request (two administrators).</summary>
public sealed class RecordModel(RetentionService retention, PrisonerService prisoners) : PageModel
{
    public Prisoner Prisoner { get; private set; } = null!;

    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostHoldAsync(int id, CancellationToken ct) =>
        await Outcome(id, await retention.PlaceHoldAsync(id, Reason, User.Actor(), ct), "Legal hold placed: the record will not be anonymised while held.", ct);

    public async Task<IActionResult> OnPostLiftAsync(int id, CancellationToken ct) =>
        await Outcome(id, await retention.LiftHoldAsync(id, User.Actor(), ct), "Legal hold lifted.", ct);

    public async Task<IActionResult> OnPostEarlyAsync(int id, CancellationToken ct) =>
        await Outcome(id, await retention.SignOffEarlyAsync(id, Reason, User.Actor(), ct), "Your sign-off is recorded.", ct);

    private async Task<IActionResult> Outcome(int id, ServiceResult<Prisoner> result, string done, CancellationToken ct)
    {
        if (result.IsNotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, "", alsoAtTop: true) is { } refused) return refused;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        this.Notify(done);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await prisoners.GetAsync(id, ct) is not { } prisoner) return false;
        Prisoner = prisoner;
        return true;
    }
}
