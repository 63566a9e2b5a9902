
namespace PowRegistry.Core.Notifications;

/// <summary>How the notification went out.</summary>
public enum NotificationChannel
{
    Post = 1,
    Email = 2,
    Fax = 3,
    IcrcDelegate = 4,
    Other = 5,

    /// <summary>Not offered on the form: set when an "ICRC notified (capture card sent)" custody event is recorded.</summary>
    CustodyEvent = 99,
}
