using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Consultations;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Admin.Counterparts;

public sealed class IndexModel(ConsultationService consultations) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public CounterpartKind? Kind { get; set; }
    [BindProperty] public string? Country { get; set; }
    public IReadOnlyList<Counterpart> All { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => All = await consultations.CounterpartsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await consultations.AddCounterpartAsync(Name, ModelState.IsValid ? Kind : null, Country, ct);
        if (!result.Succeeded)
        {
            ModelState.Clear();
            if (this.ShowRefusals(result.Errors, "") is { } refused) return refused;
            All = await consultations.CounterpartsAsync(ct);
            return Page();
        }
        this.Notify("Counterpart “{0}” added.", result.Value!.Name);
        return RedirectToPage();
    }
}
