namespace PowRegistry.Core.Review;

public sealed record OverdueActionItem(int Id, int ConsultationId, string ConsultationTitle, string What, string Owner, DateOnly DueOn, int DaysOverdue);
