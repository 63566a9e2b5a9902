using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Exchange;

namespace PowRegistry.Web.Pages.Audit;

/// <summary>The transfer register: every export and share, for administrators and auditors (ReadAudit, like the audit trail).</summary>
public sealed class TransfersModel(ExchangeService exchange) : PageModel
{
    public const int Shown = 500;

    public IReadOnlyList<TransferRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await exchange.RegisterAsync(Shown, ct);
}
