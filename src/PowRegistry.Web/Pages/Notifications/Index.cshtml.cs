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
            // Exactly one name: Enum.TryParse would also take numbers and comma lists ("CaptureCard,Transfer" is 3, Hospitalisation).
            var name = Enum.GetNames<NotificationKind>().FirstOrDefault(n => string.Equals(n, KindText.Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is not null) Kind = Enum.Parse<NotificationKind>(name);
            else FilterMessage = "Unknown kind of notification: showing every kind.";
        }
        Rows = await notifications.QueueAsync(new NotificationQuery { OverdueOnly = OverdueOnly, Kind = Kind }, ct);
    }
}
