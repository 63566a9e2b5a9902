using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Common;
using PowRegistry.Core.Notifications;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Notifications;

/// <summary>Records that a notification went out: ?id= for a stored one, ?prisoner= for a capture card owed by an older record.</summary>
public sealed class SendModel(NotificationService notifications) : PageModel
{
    [BindProperty] public SentInput Form { get; set; } = new();
    public NotificationRow Notification { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? id, int? prisoner, CancellationToken ct)
    {
        if (!await LoadAsync(id, prisoner, ct)) return NotFound();
        Form.SentOn = notifications.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? prisoner, CancellationToken ct)
    {
        if (!await LoadAsync(id, prisoner, ct)) return NotFound();
        ModelState.Clear(); // the service says what is wrong (a bad channel value included), in the user's words
        var result = id is { } notificationId
            ? await notifications.MarkSentAsync(notificationId, Form, User.Actor(), ct)
            : await notifications.MarkCaptureCardSentAsync(prisoner!.Value, Form, User.Actor(), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, nameof(Form)) is { } refused) return refused;
            return Page();
        }
        this.Notify("Notification marked sent.");
        return Redirect("/Notifications");
    }

    private async Task<bool> LoadAsync(int? id, int? prisoner, CancellationToken ct)
    {
        if (await notifications.OpenOneAsync(id, id is null ? prisoner : null, ct) is not { } row) return false;
        Notification = row;
        return true;
    }
}
