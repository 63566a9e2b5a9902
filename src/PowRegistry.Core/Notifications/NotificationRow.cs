namespace PowRegistry.Core.Notifications;

/// <summary>
/// One line of the queue. <see cref="Id"/> is null for a capture card owed by a record that has a date of capture
/// but no stored capture-card notification (registered before notifications existed): derived on the fly.
/// </summary>
public sealed record NotificationRow(int? Id, int PrisonerId, string Reference, string Name, NotificationKind Kind, DateOnly EventDate, DateOnly DueOn, bool Overdue)
{
    public bool Derived => Id is null;
}
