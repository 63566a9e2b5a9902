using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Consultations;

public sealed class CreateModel(ConsultationService consultations) : PageModel
{
    [BindProperty] public ConsultationInput Form { get; set; } = new();
    public IReadOnlyList<Counterpart> Counterparts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Counterparts = await consultations.CounterpartsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Counterparts = await consultations.CounterpartsAsync(ct);
        if (!ModelState.IsValid) return Page();
        var result = await consultations.CreateAsync(Form, User.Actor(), ct);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, nameof(Form));
            return Page();
        }
        TempData["Message"] = "Consultation recorded.";
        return Redirect($"/Consultations/{result.Value!.Id}");
    }
}
