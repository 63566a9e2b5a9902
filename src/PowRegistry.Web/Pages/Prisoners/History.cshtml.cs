using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Audit;
using PowRegistry.Core.Data;

namespace PowRegistry.Web.Pages.Prisoners;

/// <summary>A record's whole history of changes ("show all" from the record page), for whoever may see the record.</summary>
public sealed class HistoryModel(AuditService audit, PowRegistryDbContext db) : PageModel
{
    public const int Limit = 1000;

    public int Id { get; private set; }
    public string Reference { get; private set; } = "";
    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // Through the need-to-know filter: a record outside his desks is "not found", as on the record page.
        if (await db.Prisoners.Where(p => p.Id == id).Select(p => p.Reference).FirstOrDefaultAsync(ct) is not { } reference) return NotFound();
        if (await audit.HistoryOfPrisonerAsync(id, Limit, ct) is not { } rows) return NotFound();
        (Id, Reference, Rows) = (id, reference, rows);
        return Page();
    }
}
