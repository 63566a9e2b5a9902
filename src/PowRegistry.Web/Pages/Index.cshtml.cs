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

    public async Task OnGetAsync(CancellationToken ct)
    {
        MyActionItems = await consultations.ActionItemsOfAsync(User.Actor().UserId, ct);
        OverdueNotifications = await notifications.OverdueAsync(OverdueShown + 1, ct);
    }
}
