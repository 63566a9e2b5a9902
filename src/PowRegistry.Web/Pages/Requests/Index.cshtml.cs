using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Requests;

namespace PowRegistry.Web.Pages.Requests;

public sealed class IndexModel(RequestQueries requests) : PageModel
{
    /// <summary>Bound from the query string, so that the administrators' review can link to what it counts.</summary>
    [BindProperty(SupportsGet = true)] public RequestFilter Filter { get; set; } = new();

    public IReadOnlyList<(TransferRequest Request, string Reference, string Name)> Rows { get; private set; } = [];
    public bool Filtered => Filter.Status is not null || Filter.Flagged || Filter.HandoverDue;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A hand-edited link shows every open request rather than an error.
        if (!ModelState.IsValid) Filter = new RequestFilter();
        if (Filter.Status is { } status && !Enum.IsDefined(status)) Filter.Status = null;
        Rows = await requests.ListAsync(Filter, ct);
    }
}
