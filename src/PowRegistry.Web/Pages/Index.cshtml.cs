using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;

namespace PowRegistry.Web.Pages;

/// <summary>The start page: search, and the user's own open action items, overdue first.</summary>
public sealed class IndexModel(ConsultationService consultations) : PageModel
{
    public IReadOnlyList<MyActionItem> MyActionItems { get; private set; } = [];

    /// <summary>Administrators start on their review, which carries the search box and their own action items too.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.IsInRole(Core.Accounts.Roles.Administrator)) return Redirect("/Admin/Review");
        MyActionItems = await consultations.ActionItemsOfAsync(User.Actor().UserId, ct);
        return Page();
    }
}
