using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

using PowRegistry.Core.Audit;

namespace PowRegistry.Web.Pages.Audit;

/// <summary>Administrators and auditors search the audit trail by user, record and date.</summary>
public sealed class IndexModel(AuditService audit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public new string? User { get; set; }
    [BindProperty(SupportsGet = true)] public string? Record { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public bool Views { get; set; } = true;
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];
    public IEnumerable<SelectListItem> UserOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!Request.Query.ContainsKey("views") && !Request.Query.ContainsKey("user")) Views = true;
        UserOptions = (await audit.UsersAsync(ct)).Select(u => new SelectListItem(u.Name, u.Id, u.Id == User));
        if (!ModelState.IsValid)
        {
            // A date that could not be read would drop out of the filter: the reader would take the whole trail for his dates.
            ModelState.AddModelError("", "A date in the filter could not be read: enter dates as YYYY-MM-DD. Nothing is shown until the filter can be read.");
            return;
        }
        Rows = await audit.SearchAsync(new AuditFilter { UserId = User, Record = Record, From = From, To = To, IncludeAccess = Views, Before = Before }, ct);
    }
}
