namespace PowRegistry.Core.Notifications;

/// <summary>For the administrators' review: what is late, among the records the user may see.</summary>
public sealed record NotificationCounts(int OverdueNotifications, int OverdueCaptureCards, int CaptureCardsSentLate);
