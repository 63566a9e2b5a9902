using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Audit;

/// <summary>
/// The values only the prisoner's desk and administrators read (need-to-know, ADR-007), by entity and field: his
/// next of kin, and what he said in his wish statements. Pages and the API withhold them on the record; the audit
/// trail, which holds their old and new values, withholds them through <see cref="AuditService"/>. Qualified by
/// entity so that a field named alike elsewhere (a merge's reason, a request's note) is not caught by accident.
/// </summary>
public static class SensitiveValues
{
    private static readonly HashSet<(string Entity, string Field)> Fields =
    [
        (nameof(Prisoner), nameof(Prisoner.FatherFirstName)),
        (nameof(Prisoner), nameof(Prisoner.MotherMaidenName)),
        (nameof(Prisoner), nameof(Prisoner.PersonToBeInformed)),
        (nameof(Prisoner), nameof(Prisoner.AddressForCorrespondence)),
        (nameof(WishDeclaration), nameof(WishDeclaration.Reasons)),
        (nameof(WishDeclaration), nameof(WishDeclaration.FearsPersecution)),
        (nameof(WishDeclaration), nameof(WishDeclaration.Fears)),
        (nameof(WishDeclaration), nameof(WishDeclaration.SignsOfPressure)),
        (nameof(WishDeclaration), nameof(WishDeclaration.VerbatimWords)),
        (nameof(WishDeclaration), nameof(WishDeclaration.Translation)),
        // Why a statement was withdrawn is often what he said next ("he now says he was pressured").
        (nameof(WishDeclaration), nameof(WishDeclaration.WithdrawnReason)),
    ];

    public static bool IsSensitive(string entityType, string field) => Fields.Contains((entityType, field));
}
