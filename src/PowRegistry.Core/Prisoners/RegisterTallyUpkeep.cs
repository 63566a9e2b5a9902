using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

using PowRegistry.Core.Data;
using PowRegistry.Core.Notifications;

namespace PowRegistry.Core.Prisoners;

/// <summary>
/// Keeps the <see cref="RegisterTally"/> rows exact inside <see cref="PowRegistryDbContext"/>'s save, so that no
/// service (nor a change made straight through the DbContext) can forget them. A save that adds or deletes a prisoner,
/// changes one of the values the tallies count him by (<see cref="TalliedFields"/>), or adds, changes or removes one of
/// his notifications, takes away what he counted for before the save and adds what he counts for after it, in the same
/// transaction.
/// <para>
/// "Before" and "after" are read from the database, not taken from the change tracker's original values: those may be
/// stale (the current wish changes without the record's version, so another save may have changed it since this
/// context read the record), while the rows read inside the save's transaction are what the tallies counted. SQLite
/// has one writer at a time and the transaction reads one snapshot, so nothing but this save changes the rows between
/// the two reads (were another writer to commit in between, SQLite refuses this save's write: it fails, it does not
/// drift). PostgreSQL will need the first read to lock the rows (FOR UPDATE).
/// </para>
/// </summary>
internal sealed class RegisterTallyUpkeep
{
    /// <summary>The values of a prisoner that decide what he is counted under; <see cref="Prisoner.MergedIntoId"/> stops him counting.</summary>
    internal static readonly string[] TalliedFields =
        [nameof(Prisoner.DeskId), nameof(Prisoner.CustodyStatus), nameof(Prisoner.CurrentWish), nameof(Prisoner.CurrentWishVerification), nameof(Prisoner.MergedIntoId)];

    /// <summary>The values of a notification that decide what it counts for (open by deadline, or a capture card sent late), and whose.</summary>
    internal static readonly string[] NotificationFields =
        [nameof(Notification.Kind), nameof(Notification.SentOn), nameof(Notification.DueOn), nameof(Notification.PrisonerId)];

    /// <summary>Ids per query: well under any provider's limit on parameters.</summary>
    private const int Chunk = 500;

    private readonly List<Prisoner> _added = [];
    private readonly HashSet<int> _changed = [];
    private List<Counted> _before = [];
    private List<RegisterTally> _written = [];

    public bool IsEmpty => _added.Count == 0 && _changed.Count == 0;

    /// <summary>What the save is about to change (changes already detected: the audit recorder has just done so).</summary>
    public static RegisterTallyUpkeep Capture(ChangeTracker tracker)
    {
        var upkeep = new RegisterTallyUpkeep();
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries()) upkeep.Note(entry);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
        return upkeep;
    }

    private void Note(EntityEntry entry)
    {
        if (entry.Entity is Prisoner prisoner)
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    _added.Add(prisoner); // his id is known once he is inserted
                    break;
                case EntityState.Deleted:
                case EntityState.Modified when TalliedFields.Any(f => entry.Property(f).IsModified):
                    _changed.Add((int)entry.Property(nameof(Prisoner.Id)).OriginalValue!);
                    break;
            }
        }
        else if (entry.Entity is Notification)
        {
            var prisonerId = entry.Property(nameof(Notification.PrisonerId));
            switch (entry.State)
            {
                case EntityState.Added when (int)prisonerId.CurrentValue! > 0: // a new prisoner's notification counts with him
                    _changed.Add((int)prisonerId.CurrentValue!);
                    break;
                case EntityState.Deleted:
                case EntityState.Modified when NotificationFields.Any(f => entry.Property(f).IsModified):
                    _changed.Add((int)prisonerId.OriginalValue!);
                    if ((int)prisonerId.CurrentValue! > 0) _changed.Add((int)prisonerId.CurrentValue!); // moved to a survivor (a merge)
                    break;
            }
        }
    }

    /// <summary>Inside the save's transaction, before its changes are written: what the touched records count for now.</summary>
    public async Task ReadBeforeAsync(PowRegistryDbContext db, CancellationToken ct)
    {
        if (_changed.Count > 0) _before = await ReadAsync(db, _changed, ct);
    }

    /// <summary>
    /// After the changes are written: moves each touched count by the difference (one UPDATE per desk, figure and value
    /// that changed, usually two or four). A count with no row yet gets one, written by the caller's next save; one
    /// back to zero loses its row.
    /// </summary>
    public async Task ApplyAsync(PowRegistryDbContext db, CancellationToken ct)
    {
        var after = await ReadAsync(db, _changed.Concat(_added.Select(p => p.Id)).ToHashSet(), ct);

        var deltas = new Dictionary<(int DeskId, TallyDimension Dimension, int Value), int>();
        foreach (var (rows, sign) in new[] { (_before, -1), (after, +1) })
        {
            foreach (var row in rows.Where(r => r.Counts))
            {
                foreach (var (key, count) in row.Keys())
                {
                    deltas[key] = deltas.GetValueOrDefault(key) + (sign * count);
                }
            }
        }

        var written = new List<RegisterTally>();
        var moved = deltas.Where(d => d.Value != 0).ToList();
        if (moved.Count == 0) return;
        // One prepared statement for every count that moves: an import's chunk moves hundreds (one per due date of its
        // capture cards), and a query built by EF Core for each cost more than the rest of the counts' upkeep.
        await using var update = db.Database.GetDbConnection().CreateCommand();
        update.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The counts move inside the save's transaction.");
        update.CommandText = """UPDATE "RegisterTallies" SET "Count" = "Count" + @delta WHERE "DeskId" = @desk AND "Dimension" = @dimension AND "Value" = @value""";
        System.Data.Common.DbParameter Parameter(string name)
        {
            var parameter = update.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = System.Data.DbType.Int32;
            update.Parameters.Add(parameter);
            return parameter;
        }
        var (byDelta, ofDesk, ofDimension, ofValue) = (Parameter("@delta"), Parameter("@desk"), Parameter("@dimension"), Parameter("@value"));
        foreach (var ((deskId, dimension, value), delta) in moved)
        {
            (byDelta.Value, ofDesk.Value, ofDimension.Value, ofValue.Value) = (delta, deskId, (int)dimension, value);
            var updated = await update.ExecuteNonQueryAsync(ct);
            if (updated == 0)
            {
                written.Add(new RegisterTally(deskId, dimension, value, delta));
            }
            else if (delta < 0)
            {
                // A count back to zero goes: the open notifications' rows (one per due date) would otherwise pile up.
                await db.RegisterTallies.IgnoreQueryFilters()
                    .Where(t => t.DeskId == deskId && t.Dimension == dimension && t.Value == value && t.Count == 0)
                    .ExecuteDeleteAsync(ct);
            }
        }
        db.RegisterTallies.AddRange(written);
        _written = written;
    }

    /// <summary>Once written, the new rows are not tracked: a later save would otherwise write them again.</summary>
    public void Forget(PowRegistryDbContext db)
    {
        foreach (var tally in _written) db.Entry(tally).State = EntityState.Detached;
    }

    private static async Task<List<Counted>> ReadAsync(PowRegistryDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var rows = new List<Counted>();
        foreach (var chunk in ids.Chunk(Chunk))
        {
            rows.AddRange(await db.Prisoners.IgnoreQueryFilters().AsNoTracking().Where(p => EF.Parameter(chunk).Contains(p.Id))
                .Select(p => new Counted(p.DeskId, p.CustodyStatus, p.CurrentWish, p.CurrentWishVerification, p.MergedIntoId == null,
                    p.Notifications.Count(n => n.Kind == NotificationKind.CaptureCard && n.SentOn != null && n.SentOn > n.DueOn),
                    p.Notifications.Where(n => n.SentOn == null).Select(n => new OpenNotification(n.Kind == NotificationKind.CaptureCard, n.DueOn)).ToList()))
                .ToListAsync(ct));
        }
        return rows;
    }

    /// <summary>What one record counts for: nothing when merged into another (the register does not show him either).</summary>
    private sealed record Counted(
        int DeskId, CustodyStatus Custody, Wishes.WishDestination? Wish, Wishes.WishVerification? Verification, bool Counts,
        int LateCaptureCards, List<OpenNotification> Open)
    {
        public IEnumerable<((int, TallyDimension, int) Key, int Count)> Keys()
        {
            yield return ((DeskId, TallyDimension.Custody, (int)Custody), 1);
            if (Wish is { } wish) yield return ((DeskId, TallyDimension.Wish, (int)wish), 1);
            if (Verification is { } verification) yield return ((DeskId, TallyDimension.Verification, (int)verification), 1);
            if (LateCaptureCards > 0) yield return ((DeskId, TallyDimension.LateCaptureCards, 0), LateCaptureCards);
            foreach (var open in Open)
            {
                yield return ((DeskId, open.CaptureCard ? TallyDimension.OpenCaptureCards : TallyDimension.OpenOtherNotifications, open.DueOn.DayNumber), 1);
            }
        }
    }

    private sealed record OpenNotification(bool CaptureCard, DateOnly DueOn);
}
