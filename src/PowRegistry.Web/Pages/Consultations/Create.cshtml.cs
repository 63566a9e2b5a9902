using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Consultations;

public sealed class CreateModel(ConsultationService consultations) : PageModel, IConsultationForm
{
    [BindProperty] public ConsultationInput Form { get; set; } = new();
    public IReadOnlyList<Counterpart> Counterparts { get; private set; } = [];
    public IReadOnlyList<Core.Desks.Desk> Desks { get; private set; } = [];

    /// <summary>Prefilled from a prisoner's or a request's page ("Record a consultation about this").</summary>
    public async Task OnGetAsync(string? prisoner, int? request, CancellationToken ct)
    {
        Form.PrisonerReferences = prisoner is { Length: <= 40 } ? prisoner : null;
        Form.RequestNumbers = request?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await LoadListsAsync(ct);
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        Counterparts = await consultations.CounterpartsAsync(ct);
        Desks = await consultations.DesksForAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadListsAsync(ct);
        if (!ModelState.IsValid) return Page();
        var result = await consultations.CreateAsync(Form, User.Actor(), ct);
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, nameof(Form)) is { } refused) return refused;
            return Page();
        }
        this.Notify("Consultation recorded.");
        return Redirect($"/Consultations/{result.Value!.Id}");
    }
}
