using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;

namespace PowRegistry.Core.Audit;

/// <summary>Appends to and verifies the hash chain. Appending happens inside the caller's write transaction.</summary>
public static class AuditChain
{
    /// <summary>
    /// Adds sealed entries after the current last one. The caller holds the write lock (SQLite's, taken by its
    /// transaction; on PostgreSQL the advisory lock every transaction takes first, ADR-025), so no other writer can
    /// append between our read of the last entry and our insert; and ids are the primary key, so a fork is impossible
    /// even if that ever failed.
    /// </summary>
    internal static Task AppendAsync(PowRegistryDbContext db, AuditKey key, DateTimeOffset at, string userId,
        IEnumerable<(string Action, string EntityType, string EntityId, int? PrisonerId, string Changes)> items, CancellationToken ct) =>
        AppendAsync(db, key, items.Select(i => (at, userId, i.Action, i.EntityType, i.EntityId, i.PrisonerId, i.Changes)), ct);

    /// <summary>As above, for entries of different users and times (a batch of record views).</summary>
    internal static async Task AppendAsync(PowRegistryDbContext db, AuditKey key,
        IEnumerable<(DateTimeOffset At, string UserId, string Action, string EntityType, string EntityId, int? PrisonerId, string Changes)> items, CancellationToken ct)
    {
        var last = await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(ct);
        var nextId = (last?.Id ?? 0) + 1;
        var previous = last?.Hash ?? AuditEntry.GenesisHash;
        var entries = new List<AuditEntry>();
        foreach (var item in items)
        {
            var entry = new AuditEntry(nextId++, item.At, item.UserId, item.Action, item.EntityType, item.EntityId, item.PrisonerId, item.Changes, previous);
            entry.Seal(key);
            previous = entry.Hash;
            entries.Add(entry);
        }
        // Written at once in the caller's transaction, not tracked: an entry is never changed (DerivedRows).
        await DerivedRows.InsertAuditEntriesAsync(db, entries, ct);
    }

    /// <summary>Walks the whole chain in order and names the first entry that is missing, altered, inserted or moved.</summary>
    public static async Task<AuditVerification> VerifyAsync(PowRegistryDbContext db, AuditKey key, CancellationToken ct)
    {
        const int batch = 2000;
        long expectedId = 1, checkedCount = 0, redacted = 0;
        var previous = AuditEntry.GenesisHash;
        while (true)
        {
            var from = expectedId;
            var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Id >= from).OrderBy(e => e.Id).Take(batch).ToListAsync(ct);
            foreach (var entry in entries)
            {
                if (entry.Id != expectedId)
                {
                    return Broken(checkedCount, entry.Id, entry.Id > expectedId
                        ? new Message("Audit.Verify.Missing", expectedId, entry.Id)
                        : new Message("Audit.Verify.OutOfSequence", entry.Id));
                }
                if (entry.PreviousHash != previous)
                {
                    return Broken(checkedCount, entry.Id, new Message("Audit.Verify.NotFollowing", entry.Id, entry.Id - 1));
                }
                if (!entry.IsIntact(key))
                {
                    return Broken(checkedCount, entry.Id, new Message("Audit.Verify.Altered", entry.Id));
                }
                if (entry.IsRedacted) redacted++;
                previous = entry.Hash;
                expectedId++;
                checkedCount++;
            }
            if (entries.Count < batch) break;
        }
        return new AuditVerification(true, checkedCount, null, redacted == 0
            ? new Message("Audit.Verify.Intact", checkedCount)
            : new Message("Audit.Verify.IntactWithRedacted", checkedCount, redacted))
        { Redacted = redacted };
    }

    /// <summary>
    /// Redacts the values of the given entries (ADR-024): each is checked first, and if any is not intact nothing is
    /// redacted and its id is returned. Runs in the caller's transaction (anonymisation redacts what its own save wrote).
    /// An entry already redacted is left as it is. Returns null when done.
    /// </summary>
    internal static async Task<long?> RedactAsync(PowRegistryDbContext db, AuditKey key, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var entries = new List<AuditEntry>();
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            entries.AddRange(await db.AuditEntries.AsNoTracking().Where(e => chunk.Contains(e.Id) && e.Redaction == null).ToListAsync(ct));
        }
        if (entries.FirstOrDefault(e => !e.IsIntact(key)) is { } broken) return broken.Id;
        foreach (var entry in entries)
        {
            var seal = entry.ComputeRedactionSeal(key);
            await db.AuditEntries.Where(e => e.Id == entry.Id && e.Redaction == null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Changes, AuditEntry.RedactedChanges).SetProperty(e => e.Redaction, seal), ct);
        }
        return null;
    }

    /// <summary>
    /// Removes the viewer from the given access entries (ADR-024, AccessLogYears): each is checked first, and if any is
    /// not intact, or is not an unredacted access entry, nothing is changed and its id is returned. Runs in the caller's
    /// transaction. Returns null when done.
    /// </summary>
    internal static async Task<long?> ExpireAccessesAsync(PowRegistryDbContext db, AuditKey key, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var entries = new List<AuditEntry>();
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            entries.AddRange(await db.AuditEntries.AsNoTracking().Where(e => chunk.Contains(e.Id)).ToListAsync(ct));
        }
        if (entries.FirstOrDefault(e => !e.IsIntact(key) || e.IsRedacted || e.Action != AuditActions.Access) is { } refused) return refused.Id;
        foreach (var entry in entries)
        {
            var seal = entry.ComputeAccessExpirySeal(key);
            await db.AuditEntries.Where(e => e.Id == entry.Id && e.Redaction == null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.UserId, AuditEntry.ExpiredUserId)
                    .SetProperty(e => e.Changes, AuditEntry.RedactedChanges).SetProperty(e => e.Redaction, seal), ct);
        }
        return null;
    }

    private static AuditVerification Broken(long checkedCount, long id, Message message) => new(false, checkedCount, id, message);
}
