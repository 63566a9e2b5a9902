using PowRegistry.Core.Consultations;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Review;

/// <summary>What the administrators' review shows. Every count is of what the reader may see.</summary>
public sealed record ReviewFigures(
    IReadOnlyList<Tally<ConsultationStatus>> ConsultationsByStatus,
    IReadOnlyList<CounterpartTally> ConsultationsByCounterpart,
    IReadOnlyList<OverdueActionItem> OverdueActionItems,
    IReadOnlyList<StalledConsultation> StalledConsultations,
    int StalledAfterDays,
    IReadOnlyList<WaitingRequest> RequestsUnderConsultation,
    int FlaggedRequests,
    IReadOnlyList<DueHandover> HandoversDue,
    int HandoverDueWithinDays,
    IReadOnlyList<Tally<CustodyStatus>> PrisonersByCustody,
    IReadOnlyList<Tally<WishDestination>> PrisonersByWish,
    IReadOnlyList<Tally<WishVerification>> PrisonersByVerification,
    Notifications.NotificationCounts Notifications,
    int CaptureCardDays,
    IReadOnlyList<MyActionItem> MyActionItems);
