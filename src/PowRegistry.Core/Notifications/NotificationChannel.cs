using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Notifications;

/// <summary>How the notification went out.</summary>
public enum NotificationChannel
{
    [Display(Name = "Post")] Post = 1,
    [Display(Name = "Email")] Email = 2,
    [Display(Name = "Fax")] Fax = 3,
    [Display(Name = "Handed to an ICRC delegate")] IcrcDelegate = 4,
    [Display(Name = "Other")] Other = 5,

    /// <summary>Not offered on the form: set when an "ICRC notified (capture card sent)" custody event is recorded.</summary>
    [Display(Name = "Recorded as custody event “ICRC notified”")] CustodyEvent = 99,
}
