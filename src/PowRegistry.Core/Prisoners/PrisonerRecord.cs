using PowRegistry.Core.Audit;
using PowRegistry.Core.Consultations;
using PowRegistry.Core.Notifications;
using PowRegistry.Core.Requests;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Prisoners;

/// <summary>Everything the record's page shows about one prisoner, read through each feature's own need-to-know rules.</summary>
public sealed record PrisonerRecord(
    Prisoner Prisoner,
    string DeskName,
    bool MaySeeSensitive,
    IReadOnlyList<PrisonerMerge> Merges,
    IReadOnlyList<WishDeclaration> Wishes,
    IReadOnlyList<TransferRequest> Requests,
    IReadOnlyList<Consultation> Consultations,
    IReadOnlyList<PrisonerNotification> Notifications,
    IReadOnlyList<AuditRow> History);
