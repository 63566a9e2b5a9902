using System.Linq.Expressions;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;

namespace PowRegistry.Core.Prisoners;

/// <summary>Finding prisoners: one page of the register (filters, search, keyset paging), and the search index behind it.</summary>
public sealed class RegisterService(PowRegistryDbContext db, CurrentUser currentUser, ILogger<RegisterService> logger)
{
    /// <summary>One page of the register in one query: filters, word-by-word prefix search, keyset paging.</summary>
    public async Task<RegisterPage> ListAsync(RegisterQuery query, CancellationToken ct)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var prisoners = db.Prisoners.AsNoTracking();

        if (query.Status is { } status) prisoners = prisoners.Where(p => p.CustodyStatus == status);
        if (Text.Clean(query.Nationality)?.ToUpperInvariant() is { } nationality) prisoners = prisoners.Where(p => p.NationalityCode == nationality);
        if (Text.Clean(query.DetainingPower)?.ToUpperInvariant() is { } detainingPower) prisoners = prisoners.Where(p => p.DetainingPowerCode == detainingPower);
        if (query.Wish is { } wish) prisoners = prisoners.Where(p => p.CurrentWish == wish);
        if (Text.Clean(query.WishState)?.ToUpperInvariant() is { } wishState) prisoners = prisoners.Where(p => p.CurrentWishStateCode == wishState);
        if (query.Verification is { } verification) prisoners = prisoners.Where(p => p.CurrentWishVerification == verification);

        // The need-to-know filter reads "sees all desks OR desk in (…)", which SQLite cannot use an index for;
        // saying the desk test again on its own lets it use (DeskId, Id). Same rows, faster plan.
        if (!currentUser.SeesAllDesks)
        {
            var deskIds = currentUser.DeskIds;
            prisoners = prisoners.Where(p => deskIds.Contains(p.DeskId));
        }

        var search = RegisterSearch.For(db, query.Search);
        if (search is not null) prisoners = prisoners.Where(p => search.Matching.Contains(p.Id));
        var exact = search?.Exact ?? db.PrisonerSearchTerms.Where(t => false).Select(t => t.PrisonerId);
        var sort = query.Sort == RegisterSort.Relevance && search is null ? RegisterSort.Reference : query.Sort;

        Expression<Func<Prisoner, string>> key = sort switch
        {
            RegisterSort.Name => p => p.SortName,
            RegisterSort.DateOfCapture => p => p.CaptureSortKey,
            // Exact matches of what was typed first ("0…"), then other spellings and scripts ("1…"), each by reference.
            RegisterSort.Relevance => p => (exact.Contains(p.Id) ? "0" : "1") + p.Reference,
            _ => p => p.Reference,
        };
        Expression<Func<Prisoner, int>> id = p => p.Id;

        var after = RegisterCursor.Decode(query.After);
        var before = after is null ? RegisterCursor.Decode(query.Before) : null;
        var backwards = before is not null;
        IOrderedQueryable<Prisoner> ordered;
        if (sort == RegisterSort.Reference)
        {
            // References are issued in id order, so the id alone orders them, and every (filter, Id) index serves it.
            if (after is not null) prisoners = Keyset.SeekById(prisoners, query.Descending, forward: true, after.Id);
            if (before is not null) prisoners = Keyset.SeekById(prisoners, query.Descending, forward: false, before.Id);
            ordered = query.Descending != backwards ? prisoners.OrderByDescending(p => p.Id) : prisoners.OrderBy(p => p.Id);
        }
        else
        {
            if (after is not null) prisoners = Keyset.Seek(prisoners, key, id, query.Descending, forward: true, after.Key, after.Id);
            if (before is not null) prisoners = Keyset.Seek(prisoners, key, id, query.Descending, forward: false, before.Key, before.Id);
            ordered = Keyset.Order(prisoners, key, id, descending: query.Descending != backwards);
        }
        var fetched = await ordered
            .Take(pageSize + 1)
            .Select(p => new
            {
                SortKey = sort == RegisterSort.Name ? p.SortName
                    : sort == RegisterSort.DateOfCapture ? p.CaptureSortKey
                    : sort == RegisterSort.Relevance ? (exact.Contains(p.Id) ? "0" : "1") + p.Reference
                    : p.Reference,
                Row = new RegisterRow(p.Id, p.Reference, p.FamilyName, p.GivenNames,
                    p.Aliases.OrderBy(a => a.Id).Select(a => a.Name).FirstOrDefault(),
                    p.Rank, p.ServiceNumber, p.NationalityCode, p.DetainingPowerCode, p.DateOfCapture, p.CustodyStatus,
                    p.CurrentWish, p.CurrentWishStateCode, p.CurrentWishVerification, p.CurrentWishCertainty),
            })
            .ToListAsync(ct);

        var more = fetched.Count > pageSize;
        var page = fetched.Take(pageSize).ToList();
        if (backwards) page.Reverse();

        string? Cursor(int index) => new RegisterCursor(page[index].SortKey, page[index].Row.Id).Encode();
        var hasNext = backwards || more;
        var hasPrevious = backwards ? more : after is not null;
        return new RegisterPage(
            page.Select(x => x.Row).ToList(),
            hasPrevious && page.Count > 0 ? Cursor(0) : null,
            hasNext && page.Count > 0 ? Cursor(page.Count - 1) : null);
    }

    /// <summary>True when records exist whose search terms predate the name keys (a database from before they came).</summary>
    public async Task<bool> SearchIndexNeedsRebuildAsync(CancellationToken ct) =>
        await db.Prisoners.IgnoreQueryFilters().AnyAsync(ct)
        && !await db.PrisonerSearchTerms.AnyAsync(t => t.Kind == SearchTermKind.NameKey, ct);

    /// <summary>Recomputes every record's search terms, in batches (after a change in how terms are made).</summary>
    public async Task<int> RebuildSearchIndexAsync(CancellationToken ct)
    {
        int count = 0, lastId = 0;
        while (true)
        {
            var batch = await db.Prisoners.IgnoreQueryFilters().Include(p => p.Aliases).Include(p => p.Documents).AsSplitQuery()
                .Where(p => p.Id > lastId).OrderBy(p => p.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0) break;
            var ids = batch.Select(p => p.Id).ToList();
            await db.PrisonerSearchTerms.Where(t => ids.Contains(t.PrisonerId)).ExecuteDeleteAsync(ct);
            foreach (var prisoner in batch)
            {
                db.PrisonerSearchTerms.AddRange(prisoner.SearchTerms().Select(t => new PrisonerSearchTerm(prisoner.Id, t.Kind, t.Term)));
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            lastId = ids[^1];
            count += batch.Count;
        }
        logger.LogInformation("Search index rebuilt for {Count} records", count);
        return count;
    }
}
