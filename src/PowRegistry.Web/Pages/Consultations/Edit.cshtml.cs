using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Consultations;

/// <summary>Completes a consultation's record after the meeting: positions, outcome, next step, whom it concerns.</summary>
public sealed class EditModel(ConsultationService consultations) : PageModel, IConsultationForm
{
    [BindProperty] public ConsultationInput Form { get; set; } = new();
    public IReadOnlyList<Counterpart> Counterparts { get; private set; } = [];
    public IReadOnlyList<Core.Desks.Desk> Desks => [];
    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var consultation = await consultations.GetAsync(id, ct);
        if (consultation is null) return NotFound();
        var references = (await consultations.VisiblePrisonersAsync(consultation, ct)).Select(p => p.Reference);
        Form = ConsultationInput.From(consultation, references);
        Title = consultation.Title;
        Counterparts = await consultations.CounterpartsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        Counterparts = await consultations.CounterpartsAsync(ct);
        Title = Form.Title ?? "";
        if (!ModelState.IsValid) return Page();
        var result = await consultations.UpdateAsync(id, Form, User.Actor(), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, nameof(Form)) is { } refused) return refused;
            return Page();
        }
        this.Notify("Consultation updated.");
        return Redirect($"/Consultations/{id}");
    }
}
