using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

using PowRegistry.Core.Common;
using PowRegistry.Core.Review;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Admin.Review;

/// <summary>
/// The administrators' review and home page: consultations, requests and prisoners at a glance. Every figure
/// links to the filtered list it counts, so a number can always be checked against the records behind it.
/// </summary>
public sealed class IndexModel(ReviewService review, Core.Retention.RetentionService retention, MessageText text, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>Closed records whose retention ends within the next 30 days (ADR-024), so a legal hold can still be placed in time.</summary>
    public IReadOnlyList<Core.Retention.RetentionDue> FallingDue { get; private set; } = [];

    public ReviewFigures Figures { get; private set; } = null!;

    public BarChart ConsultationsByStatus { get; private set; } = null!;
    public BarChart PrisonersByCustody { get; private set; } = null!;
    public BarChart PrisonersByWish { get; private set; } = null!;
    public BarChart PrisonersByVerification { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Figures = await review.FiguresAsync(User.Actor().UserId, ct);
        FallingDue = await retention.FallingDueSoonAsync(ct);
        ConsultationsByStatus = new BarChart("consultations-by-status", t["Consultations by status"], t["Status"],
            Figures.ConsultationsByStatus.Select(t => Bar(t, $"/Consultations?Status={(int)t.Key}")).ToList());
        PrisonersByCustody = new BarChart("prisoners-by-custody", t["Prisoners by custody status"], t["Custody status"],
            Figures.PrisonersByCustody.Select(t => Bar(t, $"/Prisoners?status={(int)t.Key}")).ToList());
        PrisonersByWish = new BarChart("prisoners-by-wish", t["Prisoners by current wish"], t["Current wish"],
            Figures.PrisonersByWish.Select(t => Bar(t, $"/Prisoners?wish={(int)t.Key}")).ToList());
        PrisonersByVerification = new BarChart("prisoners-by-verification", t["Prisoners by verification of their current wish"], t["Verification"],
            Figures.PrisonersByVerification.Select(t => Bar(t, $"/Prisoners?verification={(int)t.Key}")).ToList());
    }

    private Bar Bar<T>(Tally<T> tally, string link) where T : struct, Enum =>
        new(tally.Key.ToString(), text.Label(tally.Key), tally.Count, link);
}
