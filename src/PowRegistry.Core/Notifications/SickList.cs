namespace PowRegistry.Core.Notifications;

public sealed record SickList(DateOnly WeekStart, DateOnly WeekEnd, string Week, IReadOnlyList<SickListRow> Rows);
