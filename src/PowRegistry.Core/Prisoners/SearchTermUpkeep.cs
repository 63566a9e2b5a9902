using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

using PowRegistry.Core.Data;

namespace PowRegistry.Core.Prisoners;

/// <summary>
/// Keeps each prisoner's <see cref="PrisonerSearchTerm"/> rows in step with what they are made from
/// (<see cref="Prisoner.SearchTerms"/>), inside <see cref="PowRegistryDbContext"/>'s save, so that no service (nor a
/// change made straight through the DbContext) can forget them. A save that touches a prisoner's searched values, or
/// adds, changes or removes one of his aliases or documents, replaces his terms in the same transaction: one delete and
/// one insert per touched prisoner (a new one has nothing to delete). A record merged into another keeps none.
/// </summary>
internal sealed class SearchTermUpkeep
{
    /// <summary>The values of a part of the record that its terms read; the key to the prisoner is always one.</summary>
    private static readonly Dictionary<Type, string[]> Parts = new()
    {
        [typeof(PrisonerAlias)] = [nameof(PrisonerAlias.Name), nameof(PrisonerAlias.PrisonerId)],
        [typeof(IdentityDocument)] = [nameof(IdentityDocument.NameShown), nameof(IdentityDocument.PrisonerId)],
    };

    private readonly List<(EntityEntry Entry, bool Added)> _prisoners = [];
    private readonly List<EntityEntry> _parts = [];
    private readonly HashSet<int> _formerPrisoners = [];

    public bool IsEmpty => _prisoners.Count == 0 && _parts.Count == 0 && _formerPrisoners.Count == 0;

    /// <summary>What the save is about to change (changes already detected: the audit recorder has just done so).</summary>
    public static SearchTermUpkeep Capture(ChangeTracker tracker)
    {
        var upkeep = new SearchTermUpkeep();
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
        if (entry.Entity is Prisoner)
        {
            // A deleted record's terms go with it (the foreign key cascades).
            if (entry.State == EntityState.Added) _prisoners.Add((entry, true));
            else if (entry.State == EntityState.Modified && Prisoner.SearchedFields.Any(f => entry.Property(f).IsModified)) _prisoners.Add((entry, false));
        }
        else if (Parts.TryGetValue(entry.Metadata.ClrType, out var fields))
        {
            var prisonerId = entry.Property(nameof(PrisonerAlias.PrisonerId));
            switch (entry.State)
            {
                case EntityState.Added:
                    _parts.Add(entry); // his id may be known only once he is inserted too
                    break;
                case EntityState.Deleted:
                    _formerPrisoners.Add((int)prisonerId.OriginalValue!);
                    break;
                case EntityState.Modified when fields.Any(f => entry.Property(f).IsModified):
                    _parts.Add(entry);
                    if (prisonerId.IsModified) _formerPrisoners.Add((int)prisonerId.OriginalValue!); // moved to another record (a merge)
                    break;
            }
        }
    }

    /// <summary>
    /// After the changes are saved (ids known): deletes the touched prisoners' terms and writes their new ones, in the
    /// save's transaction. A record in memory with all its names gives them; any other is read back.
    /// </summary>
    public async Task ApplyAsync(PowRegistryDbContext db, CancellationToken ct)
    {
        var inserted = _prisoners.Where(p => p.Added).Select(p => ((Prisoner)p.Entry.Entity).Id).ToHashSet();
        foreach (var (entry, _) in _prisoners.Where(p => p.Added))
        {
            // Everything a new record has is in memory: later saves need not read his names back.
            entry.Collection(nameof(Prisoner.Aliases)).IsLoaded = true;
            entry.Collection(nameof(Prisoner.Documents)).IsLoaded = true;
        }
        var ids = _prisoners.Select(p => ((Prisoner)p.Entry.Entity).Id)
            .Concat(_parts.Select(e => (int)e.Property(nameof(PrisonerAlias.PrisonerId)).CurrentValue!))
            .Concat(_formerPrisoners)
            .ToHashSet();

        var stale = ids.Where(id => !inserted.Contains(id)).ToList();
        if (stale.Count > 0) await db.PrisonerSearchTerms.Where(t => stale.Contains(t.PrisonerId)).ExecuteDeleteAsync(ct);

        var prisoners = new List<Prisoner>();
        var unread = new List<int>();
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false; // the changes were just saved: a look-up by id need not scan them again
        try
        {
            foreach (var id in ids)
            {
                // Navigations by name, not by lambda: a lambda here is an expression tree built for every record (an import's thousands).
                if (db.Prisoners.Local.FindEntry(id) is { State: not (EntityState.Deleted or EntityState.Detached) } tracked
                    && tracked.Collection(nameof(Prisoner.Aliases)).IsLoaded && tracked.Collection(nameof(Prisoner.Documents)).IsLoaded)
                {
                    prisoners.Add(tracked.Entity);
                }
                else
                {
                    unread.Add(id);
                }
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
        if (unread.Count > 0)
        {
            // After the save the database holds the truth, whatever was or was not loaded.
            prisoners.AddRange(await db.Prisoners.IgnoreQueryFilters().AsNoTracking().Include(p => p.Aliases).Include(p => p.Documents).AsSplitQuery()
                .Where(p => unread.Contains(p.Id)).ToListAsync(ct));
        }

        // A record merged into another is found through the survivor only.
        // Written straight away, not tracked: nothing changes a term once written (DerivedRows).
        var written = prisoners.Where(p => p.MergedIntoId is null)
            .SelectMany(p => p.SearchTerms().Select(t => new PrisonerSearchTerm(p.Id, t.Kind, t.Term)))
            .ToList();
        await DerivedRows.InsertSearchTermsAsync(db, written, ct);
    }
}
