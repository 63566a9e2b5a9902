namespace PowRegistry.Core.Notifications;

/// <summary>A notification as the prisoner's page shows it, sent or not.</summary>
public sealed record PrisonerNotification(int? Id, NotificationKind Kind, DateOnly EventDate, DateOnly DueOn, DateOnly? SentOn, NotificationChannel? Channel, string? SentReference, bool Overdue);
