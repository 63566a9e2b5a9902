using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Desks;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Admin.Desks;

public sealed class IndexModel(DeskService desks) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    public IReadOnlyList<DeskRow> Desks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Desks = await desks.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await desks.CreateAsync(Name, ct);
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, "") is { } refused) return refused;
            Desks = await desks.ListAsync(ct);
            return Page();
        }
        this.Notify("Desk “{0}” created.", result.Value!.Name);
        return RedirectToPage();
    }
}
