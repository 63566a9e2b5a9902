using System.Globalization;

using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Requests;

namespace PowRegistry.Core.Retention;

/// <summary>
/// Anonymises one record in one transaction (ADR-024): the record and the records merged into it, their wish statements
/// and requests lose what identifies him; the save renews his search terms (leaving only the reference) and writes the
/// usual audit entries; every audit entry that held his values, those included, is then redacted; and one
/// <see cref="AuditActions.Anonymise"/> entry says who did it and why. All of it or none.
/// </summary>
public sealed class Anonymiser(PowRegistryDbContext db, AuditKey key, TimeProvider clock)
{
    /// <summary>Returns null when done, or the id of an audit entry that failed verification (then nothing was changed).</summary>
    internal async Task<long?> AnonymiseAsync(int prisonerId, string why, IReadOnlyList<string> approvedBy, Actor actor, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var prisoners = await db.Prisoners.IgnoreQueryFilters()
            .Include(p => p.Aliases).Include(p => p.Documents).Include(p => p.CustodyEvents).AsSplitQuery()
            .Where(p => p.Id == prisonerId || p.MergedIntoId == prisonerId)
            .ToListAsync(ct);
        var ids = prisoners.Select(p => p.Id).ToList();
        foreach (var wish in await db.WishDeclarations.Where(w => ids.Contains(w.PrisonerId)).ToListAsync(ct)) wish.Anonymise();
        var requests = await db.TransferRequests.Include(r => r.Changes).Include(r => r.Reviews).AsSplitQuery()
            .Where(r => ids.Contains(r.PrisonerId)).ToListAsync(ct);
        foreach (var request in requests) request.Anonymise();
        foreach (var prisoner in prisoners) prisoner.Anonymise(actor, now);
        await db.SaveChangesAsync(ct);

        // Every entry that held his values, the ones this save just wrote included. Status changes and reviews are
        // audited under their own ids (they name no prisoner), so they are found through his requests.
        var changeIds = requests.SelectMany(r => r.Changes.Select(c => c.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        var reviewIds = requests.SelectMany(r => r.Reviews.Select(v => v.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        var entries = await db.AuditEntries
            .Where(e => e.Redaction == null && e.Changes != AuditEntry.RedactedChanges)
            .Where(e => (e.PrisonerId != null && ids.Contains(e.PrisonerId.Value))
                || (e.EntityType == nameof(RequestStatusChange) && changeIds.Contains(e.EntityId))
                || (e.EntityType == nameof(RequestReview) && reviewIds.Contains(e.EntityId)))
            .Select(e => e.Id).ToListAsync(ct);
        if (await AuditChain.RedactAsync(db, key, entries, ct) is { } broken) return broken; // rolled back on dispose

        // The anonymisation itself, with no removed value in it.
        List<FieldChange> said = [new("Retention", null, why), new("RedactedEntries", null, entries.Count.ToString(CultureInfo.InvariantCulture))];
        said.AddRange(approvedBy.Select(a => new FieldChange("ApprovedBy", null, a)));
        await AuditChain.AppendAsync(db, key, now, actor.UserId,
            [(AuditActions.Anonymise, nameof(Prisoner), prisonerId.ToString(CultureInfo.InvariantCulture), (int?)prisonerId, FieldChange.ToJson(said))], ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return null;
    }
}
