using Microsoft.AspNetCore.Mvc;

using PowRegistry.Core.Common;
using PowRegistry.Core.Exchange;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Prisoners;

/// <summary>CSV export of the register as filtered at /Prisoners, with the columns the user picks. Recorded in the transfer register.</summary>
public sealed class ExportModel(ExchangeService exchange, CurrentUser currentUser) : RegisterFilterPage
{
    public void OnGet()
    {
        if (Columns.Count == 0) Columns = ["reference", "family_name", "given_names", "nationality", "date_of_capture", "custody_status"];
        RefuseInvalidFilter();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (RefuseInvalidFilter())
        {
            return Page();
        }
        var result = await exchange.ExportAsync(Query(), Columns, FilterText(), currentUser.Actor, ct);
        if (!result.Succeeded)
        {
            ModelState.Clear();
            if (this.ShowRefusals(result.Errors, "") is { } refused) return refused;
            return Page();
        }
        return File(result.Value!.Content, "text/csv; charset=utf-8", result.Value.FileName);
    }
}
