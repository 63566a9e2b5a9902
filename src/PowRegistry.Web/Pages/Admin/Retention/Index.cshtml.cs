using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Common;
using PowRegistry.Core.Instances;
using PowRegistry.Core.Retention;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Admin.Retention;

/// <summary>The due list (ADR-024): closed records whose time is up, and why; held records shown as kept. An administrator can run retention from here.</summary>
public sealed class IndexModel(RetentionService retention, RetentionOptions options, Leases leases) : PageModel
{
    public IReadOnlyList<RetentionDue> Due { get; private set; } = [];
    public int ClosedRecordYears => options.ClosedRecordYears;

    public async Task OnGetAsync(CancellationToken ct) => Due = await retention.DueAsync(null, ct);

    /// <summary>Anonymises what is due and not held, under the lease the daily run takes (never two runs at once).</summary>
    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        RetentionRun run;
        await using (await leases.AcquireAsync(RetentionSchedule.Lease, ct))
        {
            run = await retention.ApplyAsync(User.Actor(), ct);
        }
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        // An access entry that fails verification stops the expiry: counted with the failures (the log and verify-audit name it).
        var failed = run.Failed.Count + (run.AccessExpiryBrokenAt is null ? 0 : 1);
        this.Notify("{0} records anonymised, {1} kept on legal hold, {2} failed; {3} consultation documents removed; {4} access entries expired.",
            run.Anonymised.Count.ToString(culture), run.Held.Count.ToString(culture), failed.ToString(culture), run.DocumentsRemoved.ToString(culture),
            run.AccessEntriesExpired.ToString(culture));
        return RedirectToPage();
    }
}
