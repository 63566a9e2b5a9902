namespace PowRegistry.Core.Notifications;

public sealed class NotificationQuery
{
    public bool OverdueOnly { get; set; }
    public NotificationKind? Kind { get; set; }
}
