namespace PowRegistry.Core.Consultations;

public sealed record MyActionItem(int Id, int ConsultationId, string ConsultationTitle, string What, DateOnly DueOn, bool Overdue);
