using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Consultations;

namespace PowRegistry.Web.Pages.Consultations;

public sealed class IndexModel(ConsultationService consultations) : PageModel
{
    public IReadOnlyList<Consultation> All { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => All = await consultations.ListAsync(ct);
}
