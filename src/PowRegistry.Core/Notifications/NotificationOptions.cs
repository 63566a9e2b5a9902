using System.ComponentModel.DataAnnotations;

using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Notifications;

/// <summary>
/// Deadlines for notifications (configuration section PowRegistry:Notifications), in days after the event.
/// Art. 70: the capture card within one week of capture, and again after a transfer or hospitalisation.
/// Art. 122 asks for other events (escape, release, repatriation, transfer to a third state, death) "as rapidly
/// as possible"; we read that as the same week unless configured otherwise. Checked when the app starts: a value
/// outside 0–365 would make every notification due before its event, or never.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "PowRegistry:Notifications";

    [Range(0, 365, ErrorMessage = Section + ":CaptureCardDays must be between {1} and {2} days.")]
    public int CaptureCardDays { get; set; } = 7;

    [Range(0, 365, ErrorMessage = Section + ":EventDays must be between {1} and {2} days.")]
    public int EventDays { get; set; } = 7;

    public int DaysFor(NotificationKind kind) =>
        kind is NotificationKind.CaptureCard or NotificationKind.Transfer or NotificationKind.Hospitalisation ? CaptureCardDays : EventDays;

    public DateOnly DueOn(NotificationKind kind, DateOnly eventDate) => eventDate.AddDays(DaysFor(kind));

    /// <summary>The same checks as at start-up (the attributes above), for settings made in code.</summary>
    public NotificationOptions Validated()
    {
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), errors, validateAllProperties: true))
        {
            throw new InvalidOperationException(string.Join(" ", errors.Select(e => e.ErrorMessage)));
        }
        return this;
    }

    /// <summary>The notification a custody event calls for; null for those that need none (registered, discharged, ICRC notified).</summary>
    public static NotificationKind? KindFor(CustodyEventKind kind) => kind switch
    {
        CustodyEventKind.Captured => NotificationKind.CaptureCard,
        CustodyEventKind.Transferred => NotificationKind.Transfer,
        CustodyEventKind.Hospitalised => NotificationKind.Hospitalisation,
        CustodyEventKind.Escaped => NotificationKind.Escape,
        CustodyEventKind.Released => NotificationKind.Release,
        CustodyEventKind.Repatriated => NotificationKind.Repatriation,
        CustodyEventKind.TransferredToThirdState => NotificationKind.TransferToThirdState,
        CustodyEventKind.Died => NotificationKind.Death,
        _ => null,
    };
}
