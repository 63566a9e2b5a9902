using PowRegistry.Core.Audit;
using PowRegistry.Core.Consultations;
using PowRegistry.Core.Exchange;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Requests;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Retention;

/// <summary>
/// Everything the register holds on one man (issue 16, the ICRC handbook's right to know what is held): his record with
/// its sources, aliases, documents, custody timeline and notifications; records merged into it; every wish statement,
/// withdrawn ones included; his requests with their history; the consultations that concern him; the transfer register
/// entries that shared him; and every audit entry about him, views included (who viewed or changed his record).
/// </summary>
public sealed record HeldOnOneMan(
    Prisoner Prisoner,
    IReadOnlyList<PrisonerMerge> Merges,
    IReadOnlyList<WishDeclaration> Wishes,
    IReadOnlyList<TransferRequest> Requests,
    IReadOnlyList<Consultation> Consultations,
    IReadOnlyList<Transfer> Transfers,
    IReadOnlyList<AuditRow> AccessLog,
    DateTimeOffset ProducedAt);
