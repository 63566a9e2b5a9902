using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Consultations;

namespace PowRegistry.Web.Pages.Consultations;

public sealed class IndexModel(ConsultationService consultations, TimeProvider clock) : PageModel
{
    /// <summary>Bound from the query string, so that every figure of the administrators' review can link here.</summary>
    [BindProperty(SupportsGet = true)] public ConsultationFilter Filter { get; set; } = new();

    public IReadOnlyList<Consultation> All { get; private set; } = [];
    public IReadOnlyList<Counterpart> Counterparts { get; private set; } = [];
    public DateTimeOffset Now => clock.GetUtcNow();
    public int StalledAfterDays => consultations.Options.StalledAfterDays;
    public bool Filtered => Filter.Status is not null || Filter.Counterpart is not null || Filter.Stalled || Filter.Overdue;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A hand-edited link ("status=banana") shows everything rather than an error.
        if (!ModelState.IsValid) Filter = new ConsultationFilter();
        if (Filter.Status is { } status && !Enum.IsDefined(status)) Filter.Status = null;
        Counterparts = await consultations.CounterpartsAsync(ct);
        All = await consultations.ListAsync(Filter, ct);
    }
}
