using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Core.Exchange;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Exchange;

/// <summary>Share the filtered register with a counterpart: pseudonymised at once, or with identities after a second administrator approves.</summary>
public sealed class ShareModel(ExchangeService exchange, ConsultationService consultations, CurrentUser currentUser) : RegisterFilterPage
{
    [BindProperty] public int? CounterpartId { get; set; }
    public IReadOnlyList<SelectListItem> Counterparts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Columns.Count == 0) Columns = ["nationality", "date_of_capture", "custody_status", "current_wish"];
        RefuseInvalidFilter();
        await OfferCounterpartsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (RefuseInvalidFilter())
        {
            await OfferCounterpartsAsync(ct);
            return Page();
        }
        var result = await exchange.RequestShareAsync(Query(), ModelState.IsValid ? CounterpartId : null, Columns, FilterText(), currentUser.Actor, ct);
        if (!result.Succeeded)
        {
            ModelState.Clear();
            if (this.ShowRefusals(result.Errors, "") is { } refused) return refused;
            await OfferCounterpartsAsync(ct);
            return Page();
        }
        TempData["Message"] = result.Value!.WithIdentities
            ? "Share requested. It carries identities, so another administrator must approve it before you can download it."
            : "Share ready: the records are identified by pseudonyms for this counterpart.";
        return RedirectToPage("Details", new { id = result.Value.Id });
    }

    private async Task OfferCounterpartsAsync(CancellationToken ct) =>
        Counterparts = (await consultations.CounterpartsAsync(ct))
            .Select(c => new SelectListItem(c.Name, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Id == CounterpartId)).ToList();
}
