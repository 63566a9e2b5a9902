using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Requests;

namespace PowRegistry.Web.Pages.Requests;

public sealed class IndexModel(RequestService requests) : PageModel
{
    public IReadOnlyList<(TransferRequest Request, string Reference, string Name)> Open { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Open = await requests.OpenAsync(ct);
}
