using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;

namespace PowRegistry.Web.Pages;

/// <summary>The start page: search, and the user's own open action items, overdue first.</summary>
public sealed class IndexModel(ConsultationService consultations) : PageModel
{
    public IReadOnlyList<MyActionItem> MyActionItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => MyActionItems = await consultations.ActionItemsOfAsync(User.Actor().UserId, ct);
}
