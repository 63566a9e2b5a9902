using System.Linq.Expressions;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;

namespace PowRegistry.Core.Prisoners;

/// <summary>Finding prisoners: one page of the register (filters, search, keyset paging), and the search index behind it.</summary>
public sealed class RegisterService(PowRegistryDbContext db, CurrentUser currentUser, RegisterSearchOptions searchOptions, ILogger<RegisterService> logger)
{
    /// <summary>One page of the register: filters, word-by-word prefix search (shaped per query, see <see cref="RegisterSearch"/>), keyset paging.</summary>
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

        var search = await RegisterSearch.ForAsync(db, query.Search, searchOptions.ListCap, ct);
        if (search is not null && search.Matching is null) return new RegisterPage([], null, null);
        var sort = query.Sort == RegisterSort.Relevance && search is null ? RegisterSort.Reference : query.Sort;

        var after = RegisterCursor.Decode(query.After);
        var before = after is null ? RegisterCursor.Decode(query.Before) : null;
        if (sort == RegisterSort.Relevance && RelevancePart(after ?? before) is null)
        {
            // A cursor of another order (or from before parts were carried) cannot say where it was: start again.
            after = null;
            before = null;
        }
        var backwards = before is not null;
        var descending = query.Descending != backwards;
        var take = pageSize + 1;
        List<(string SortKey, RegisterRow Row)> fetched;
        if (sort == RegisterSort.Relevance)
        {
            // Exact matches of what was typed first (part "0"), then other spellings and scripts (part "1"), each in
            // Id (= reference) order: two queries that each stop at a page, and no sort key computed per row.
            var cursor = after ?? before;
            var cursorPart = RelevancePart(cursor);
            int[] parts = descending ? [1, 0] : [0, 1];
            fetched = [];
            foreach (var part in parts)
            {
                if (cursorPart is { } at && Array.IndexOf(parts, part) < Array.IndexOf(parts, at)) continue;
                if ((part == 0 ? search!.Exact : search!.Inexact) is not { } inPart) continue;
                var rows = prisoners.Where(inPart);
                if (part == cursorPart) rows = Keyset.SeekById(rows, query.Descending, forward: !backwards, cursor!.Id);
                var partRows = await FetchAsync(descending ? rows.OrderByDescending(p => p.Id) : rows.OrderBy(p => p.Id), sort, take - fetched.Count, ct);
                var key = part == 0 ? "0" : "1";
                fetched.AddRange(partRows.Select(r => (key, r.Row)));
                if (fetched.Count >= take) break;
            }
        }
        else
        {
            if (search?.Matching is { } matching) prisoners = prisoners.Where(matching);
            IOrderedQueryable<Prisoner> ordered;
            if (sort == RegisterSort.Reference)
            {
                // References are issued in id order, so the id alone orders them, and every (filter, Id) index serves it.
                if (after is not null) prisoners = Keyset.SeekById(prisoners, query.Descending, forward: true, after.Id);
                if (before is not null) prisoners = Keyset.SeekById(prisoners, query.Descending, forward: false, before.Id);
                ordered = descending ? prisoners.OrderByDescending(p => p.Id) : prisoners.OrderBy(p => p.Id);
            }
            else
            {
                Expression<Func<Prisoner, string>> key = sort == RegisterSort.Name ? p => p.SortName : p => p.CaptureSortKey;
                Expression<Func<Prisoner, int>> id = p => p.Id;
                if (after is not null) prisoners = Keyset.Seek(prisoners, key, id, query.Descending, forward: true, after.Key, after.Id);
                if (before is not null) prisoners = Keyset.Seek(prisoners, key, id, query.Descending, forward: false, before.Key, before.Id);
                ordered = Keyset.Order(prisoners, key, id, descending);
            }
            fetched = await FetchAsync(ordered, sort, take, ct);
        }

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

    /// <summary>The part of a relevance cursor: "0" exact, "1" the rest (a cursor made before parts were carried began "0…" or "1…" too).</summary>
    private static int? RelevancePart(RegisterCursor? cursor) =>
        cursor is null ? null : cursor.Key.Length > 0 && cursor.Key[0] is '0' or '1' ? cursor.Key[0] - '0' : null;

    private static async Task<List<(string SortKey, RegisterRow Row)>> FetchAsync(
        IOrderedQueryable<Prisoner> ordered, RegisterSort sort, int take, CancellationToken ct)
    {
        var rows = await ordered
            .Take(take)
            .Select(p => new
            {
                SortKey = sort == RegisterSort.Name ? p.SortName
                    : sort == RegisterSort.DateOfCapture ? p.CaptureSortKey
                    : p.Reference,
                Row = new RegisterRow(p.Id, p.Reference, p.FamilyName, p.GivenNames,
                    p.Aliases.OrderBy(a => a.Id).Select(a => a.Name).FirstOrDefault(),
                    p.Rank, p.ServiceNumber, p.NationalityCode, p.DetainingPowerCode, p.DateOfCapture, p.CustodyStatus,
                    p.CurrentWish, p.CurrentWishStateCode, p.CurrentWishVerification, p.CurrentWishCertainty),
            })
            .ToListAsync(ct);
        return rows.Select(r => (r.SortKey, r.Row)).ToList();
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
