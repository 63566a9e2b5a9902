using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Notifications;

/// <summary>What an officer records when a notification has gone out.</summary>
public sealed class SentInput
{
    [Display(Name = "SentInput.SentOn")] public string? SentOn { get; set; }
    [Display(Name = "SentInput.Channel")] public NotificationChannel? Channel { get; set; }
    [Display(Name = "SentInput.Reference")] public string? Reference { get; set; }
}
