namespace PowRegistry.Core.Consultations;

public sealed record MyActionItem(int Id, int ConsultationId, string ConsultationTitle, string What, DateOnly DueOn, bool Overdue)
{
    /// <summary>Overdue first, then by due date: the order the start page and the review list a user's items in.</summary>
    internal static IReadOnlyList<MyActionItem> InListOrder(IEnumerable<MyActionItem> items) =>
        items.OrderByDescending(i => i.Overdue).ThenBy(i => i.DueOn).ThenBy(i => i.Id).ToList();
}
