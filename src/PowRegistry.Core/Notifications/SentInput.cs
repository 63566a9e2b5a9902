using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Notifications;

/// <summary>What an officer records when a notification has gone out.</summary>
public sealed class SentInput
{
    [Display(Name = "Date sent")] public string? SentOn { get; set; }
    [Display(Name = "Channel")] public NotificationChannel? Channel { get; set; }
    [Display(Name = "Reference (letter or message number)")] public string? Reference { get; set; }
}
