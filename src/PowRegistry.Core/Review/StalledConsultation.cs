using PowRegistry.Core.Consultations;

namespace PowRegistry.Core.Review;

public sealed record StalledConsultation(int Id, string Title, ConsultationStatus Status, DateTimeOffset LastActivityAt, int QuietDays);
