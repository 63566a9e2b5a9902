using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Core.Notifications;

namespace PowRegistry.Web.Pages;

/// <summary>The start page: search, the user's own open action items, and his desks' overdue notifications, overdue first.</summary>
public sealed class IndexModel(ConsultationService consultations, NotificationService notifications) : PageModel
{
    public const int OverdueShown = 20;

    public IReadOnlyList<MyActionItem> MyActionItems { get; private set; } = [];
    public IReadOnlyList<NotificationRow> OverdueNotifications { get; private set; } = [];

    /// <summary>Administrators start on their review, which carries the search box, their own action items and the overdue notifications too.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.IsInRole(Core.Accounts.Roles.Administrator)) return Redirect("/Admin/Review");
        MyActionItems = await consultations.ActionItemsOfAsync(User.Actor().UserId, ct);
        OverdueNotifications = await notifications.OverdueAsync(OverdueShown + 1, ct);
        return Page();
    }
}
