using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Notifications;

namespace PowRegistry.Web.Pages.Notifications;

/// <summary>The queue of notifications owed to the Central Tracing Agency, overdue first (only the user's desks).</summary>
public sealed class IndexModel(NotificationService notifications) : PageModel
{
    [FromQuery(Name = "overdue")] public bool OverdueOnly { get; set; }

    /// <summary>Bound as text so that a bad value in the address is ignored with a message, not an error page.</summary>
    [FromQuery(Name = "kind")] public string? KindText { get; set; }

    public NotificationKind? Kind { get; private set; }
    public string? FilterMessage { get; private set; }
    public IReadOnlyList<NotificationRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (!string.IsNullOrWhiteSpace(KindText))
        {
            if (Enum.TryParse<NotificationKind>(KindText, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(KindText, out _)) Kind = kind;
            else FilterMessage = "Unknown kind of notification: showing every kind.";
        }
        Rows = await notifications.QueueAsync(new NotificationQuery { OverdueOnly = OverdueOnly, Kind = Kind }, ct);
    }
}
