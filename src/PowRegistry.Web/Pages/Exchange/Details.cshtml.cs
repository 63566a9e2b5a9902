using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Common;
using PowRegistry.Core.Exchange;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Exchange;

/// <summary>One share: its state, the second administrator's approval, and the download (for the requester only).</summary>
public sealed class DetailsModel(ExchangeService exchange, CurrentUser currentUser) : PageModel
{
    public Transfer Transfer { get; private set; } = null!;
    public bool IsRequester => Transfer.RequestedBy == currentUser.UserId;
    public bool MayApprove => currentUser.IsAdministrator && Transfer.Status == TransferStatus.PendingApproval;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct)
    {
        var result = await exchange.ApproveAsync(id, currentUser.Actor, ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, "") is { } refused) return refused;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        TempData["Message"] = "Approved: the requester may now download the share with identities.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDownloadAsync(int id, CancellationToken ct)
    {
        var result = await exchange.DownloadShareAsync(id, currentUser.Actor, ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, "") is { } refused) return refused;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        return File(result.Value!.Content, "text/csv; charset=utf-8", result.Value.FileName);
    }

    /// <summary>The requester and administrators see a share; for anyone else it does not exist.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var transfer = await exchange.GetAsync(id, ct);
        if (transfer is null || transfer.Kind != TransferKind.Share || (transfer.RequestedBy != currentUser.UserId && !currentUser.IsAdministrator)) return false;
        Transfer = transfer;
        return true;
    }
}
