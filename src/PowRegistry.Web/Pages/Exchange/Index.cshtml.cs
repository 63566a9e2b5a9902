using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Exchange;

namespace PowRegistry.Web.Pages.Exchange;

/// <summary>Shares: one's own, or (administrators) all, with those waiting for approval.</summary>
public sealed class IndexModel(ExchangeService exchange) : PageModel
{
    public IReadOnlyList<TransferRow> Shares { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Shares = await exchange.SharesAsync(ct);
}
