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
        var unfiltered = prisoners;

        if (query.Status is { } status) prisoners = prisoners.Where(p => p.CustodyStatus == status);
        if (Text.Clean(query.Nationality)?.ToUpperInvariant() is { } nationality) prisoners = prisoners.Where(p => p.NationalityCode == nationality);
        if (Text.Clean(query.DetainingPower)?.ToUpperInvariant() is { } detainingPower) prisoners = prisoners.Where(p => p.DetainingPowerCode == detainingPower);
        if (query.Wish is { } wish) prisoners = prisoners.Where(p => p.CurrentWish == wish);
        if (Text.Clean(query.WishState)?.ToUpperInvariant() is { } wishState) prisoners = prisoners.Where(p => p.CurrentWishStateCode == wishState);
        if (query.Verification is { } verification) prisoners = prisoners.Where(p => p.CurrentWishVerification == verification);

        // The need-to-know filter reads "sees all desks OR desk in (…)", which SQLite cannot use an index for;
        // saying the desk test again on its own lets it use (DeskId, Id). Same rows, faster plan. An officer on one
        // desk (most are) gets "DeskId = @id": PostgreSQL 15 reads (DeskId, SortName, Id) in name order for that, but
        // not for an array ("DeskId = ANY (@ids)"), for which it walks the whole name index testing each row's desk.
        if (!currentUser.SeesAllDesks)
        {
            var deskIds = currentUser.DeskIds;
            if (deskIds.Count == 1)
            {
                var deskId = deskIds[0];
                prisoners = prisoners.Where(p => p.DeskId == deskId);
            }
            else
            {
                prisoners = prisoners.Where(p => deskIds.Contains(p.DeskId));
            }
        }

        var search = await RegisterSearch.ForAsync(db, query.Search, searchOptions, exactFirst: query.Sort == RegisterSort.Relevance, ct);
        if (search is { MatchesNone: true }) return new RegisterPage([], null, null);
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
                // The rest is shaped (its conditions counted) only when the exact matches did not fill the page.
                if (part == 1) await search!.ShapeAsync(ct);
                if ((part == 0 ? search!.Exact : search!.Inexact) is not { } inPart) continue;
                List<(string SortKey, RegisterRow Row)> partRows;
                if (part == 0 && search.ExactDriver is { } driver)
                {
                    partRows = await ExactPartAsync(prisoners, filtered: !ReferenceEquals(prisoners, unfiltered), search, driver, descending,
                        part == cursorPart ? cursor!.Id : null, take - fetched.Count, ct);
                }
                else
                {
                    var rows = prisoners.Where(inPart);
                    if (part == cursorPart) rows = Keyset.SeekById(rows, query.Descending, forward: !backwards, cursor!.Id);
                    partRows = await FetchAsync(descending ? rows.OrderByDescending(p => p.Id) : rows.OrderBy(p => p.Id), sort, take - fetched.Count, ct);
                }
                var key = part == 0 ? "0" : "1";
                fetched.AddRange(partRows.Select(r => (key, r.Row)));
                if (fetched.Count >= take) break;
            }
        }
        else
        {
            if (sort == RegisterSort.Reference)
            {
                // References are issued in id order, so the id alone orders them, and every (filter, Id) index serves it.
                if (search?.Matching is { } matching) prisoners = prisoners.Where(matching);
                if (after is not null) prisoners = Keyset.SeekById(prisoners, query.Descending, forward: true, after.Id);
                if (before is not null) prisoners = Keyset.SeekById(prisoners, query.Descending, forward: false, before.Id);
                fetched = await FetchAsync(descending ? prisoners.OrderByDescending(p => p.Id) : prisoners.OrderBy(p => p.Id), sort, take, ct);
            }
            else
            {
                var key = SortKey(sort);
                if (after is not null) prisoners = Keyset.Seek(prisoners, key, ById, query.Descending, forward: true, after.Key, after.Id);
                if (before is not null) prisoners = Keyset.Seek(prisoners, key, ById, query.Descending, forward: false, before.Key, before.Id);
                fetched = search is { Walked: true }
                    ? await WalkThenSortAsync(prisoners, search, sort, descending, take, ct)
                    : await FetchAsync(Keyset.Order(search?.Matching is { } matching ? prisoners.Where(matching) : prisoners, key, ById, descending), sort, take, ct);
            }
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

    private static readonly Expression<Func<Prisoner, int>> ById = p => p.Id;

    private static Expression<Func<Prisoner, string>> SortKey(RegisterSort sort) => sort == RegisterSort.Name ? p => p.SortName : p => p.CaptureSortKey;

    /// <summary>
    /// A search by a common term, in name or date order. Walking that order and probing each row stops after a page of
    /// matches, which is fast when matches are spread along it; but a surname clusters in name order ("kim" starts a
    /// fifth of the register's names), and the walk would read every name before it. So the walk reads at most
    /// <see cref="RegisterSearchOptions.WalkLimit"/> rows; if that did not fill the page, the remaining matches are
    /// sorted instead, found from the term's list of ids, when that list is shorter than the walk still to go.
    /// </summary>
    private async Task<List<(string SortKey, RegisterRow Row)>> WalkThenSortAsync(
        IQueryable<Prisoner> rows, RegisterSearch search, RegisterSort sort, bool descending, int take, CancellationToken ct)
    {
        var key = SortKey(sort);
        // The last row the walk may read, and the first it may not.
        var edge = await Keyset.Order(rows, key, ById, descending).Skip(searchOptions.WalkLimit - 1).Take(2)
            .Select(p => new RegisterCursor(sort == RegisterSort.Name ? p.SortName : p.CaptureSortKey, p.Id))
            .ToListAsync(ct);
        if (edge.Count < 2) return await FetchAsync(Keyset.Order(rows.Where(search.Matching!), key, ById, descending), sort, take, ct);
        var (last, next) = (edge[0], edge[1]);

        // The key's own bound lets the index walk end at the edge instead of testing every row after it.
        var walked = Keyset.Seek(Keyset.Within(rows, key, descending, next.Key), key, ById, descending, forward: false, next.Key, next.Id);
        var fetched = await FetchAsync(Keyset.Order(walked.Where(search.Matching!), key, ById, descending), sort, take, ct);
        if (fetched.Count >= take) return fetched;

        // The rest: sort the matches found from the terms' lists when those are shorter than the walk still to go, or go
        // on walking. The walk still to go is guessed from how densely the walk so far met matches (all the rows left,
        // when it met none). Both are counted up to a cap; when both reach it, the lists win: a clustered term (a
        // surname in name order) can leave a million rows to walk, while its list is what it is.
        var rest = Keyset.Seek(rows, key, ById, descending, forward: true, last.Key, last.Id);
        var cap = searchOptions.SortCountCap;
        var restCount = await CappedCount.OfAsync(rest, cap, ct);
        var left = take - fetched.Count;
        var walkToGo = fetched.Count == 0 ? restCount : (int)Math.Min(restCount, (long)left * searchOptions.WalkLimit / fetched.Count);
        if (walkToGo > searchOptions.WalkLimit)
        {
            // A walk still to go that reaches the cap loses to the lists whatever they count (see below), so they are counted only when it does not.
            var (listed, listCount) = await search.ListedAsync(db, cap, countNeeded: walkToGo < cap, searchOptions.ListCap, ct);
            if (listCount < walkToGo || listCount == cap && walkToGo == cap)
            {
                // Ordered by an expression no index has (the same strings), so that the database sorts the matches
                // rather than walk the order again.
                Expression<Func<Prisoner, string>> sorted = sort == RegisterSort.Name ? p => p.SortName.Substring(0) : p => p.CaptureSortKey.Substring(0);
                fetched.AddRange(await FetchAsync(Keyset.Order(rest.Where(listed), sorted, ById, descending), sort, left, ct));
                return fetched;
            }
        }
        fetched.AddRange(await FetchAsync(Keyset.Order(rest.Where(search.Matching!), key, ById, descending), sort, left, ct));
        return fetched;
    }

    /// <summary>
    /// The exact part of a relevance page, in id order past <paramref name="pastId"/> (in the walk's direction). Unfiltered,
    /// it walks the driver word's entries (<see cref="ExactInIdOrderAsync"/>). With a filter or a desk, it first walks at most
    /// <see cref="RegisterSearchOptions.ExactFilterWalk"/> filtered rows through the filter's own (filter, Id) index,
    /// probing the exact words, and only past them walks the word's entries: a selective filter makes the word's walk
    /// read many entries that fail it ("kim" + escaped: about 10,000 of the 186,000 "kim" entries for 51 rows, where
    /// about 270 escaped rows hold them), while a common filter with rare exact matches ("Ri Yong Chol" on a desk) costs
    /// the bounded walk and its edge, then the word's walk as before. Which list is shorter is not counted: counting
    /// 5,000 filtered rows cost more steps (55,000) than the walk it would save.
    /// </summary>
    private async Task<List<(string SortKey, RegisterRow Row)>> ExactPartAsync(IQueryable<Prisoner> prisoners, bool filtered, RegisterSearch search,
        Expression<Func<PrisonerSearchTerm, bool>> driver, bool descending, int? pastId, int take, CancellationToken ct)
    {
        if (!filtered) return await ExactInIdOrderAsync(prisoners, driver, search.ExactBesidesDriver, descending, pastId, take, ct);

        var window = pastId is not { } past ? prisoners : descending ? prisoners.Where(p => p.Id < past) : prisoners.Where(p => p.Id > past);
        // The last filtered row the bounded walk may read; none when fewer are left, and then that walk is the whole part.
        var edge = await (descending ? window.OrderByDescending(p => p.Id) : window.OrderBy(p => p.Id))
            .Skip(searchOptions.ExactFilterWalk - 1).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var bounded = window.Where(search.Exact!);
        if (edge is { } last) bounded = descending ? bounded.Where(p => p.Id >= last) : bounded.Where(p => p.Id <= last);
        var fetched = await FetchAsync(descending ? bounded.OrderByDescending(p => p.Id) : bounded.OrderBy(p => p.Id), RegisterSort.Relevance, take, ct);
        if (edge is null || fetched.Count >= take) return fetched;
        fetched.AddRange(await ExactInIdOrderAsync(prisoners, driver, search.ExactBesidesDriver, descending, edge, take - fetched.Count, ct));
        return fetched;
    }

    /// <summary>
    /// The first <paramref name="take"/> exact matches in id order past <paramref name="pastId"/> (in the walk's
    /// direction), found by walking one word's index entries (already in prisoner id order, see
    /// <see cref="RegisterSearch.ExactDriver"/>) and probing the other words on each entry: the walk stops after a page,
    /// and reads far fewer rows than a walk of the register.
    /// <para>
    /// The entries are read first, in a statement of their own, and then the register rows of those that passed, by
    /// their ids. Joined in one statement, SQLite read each entry's register row before probing the other words (it
    /// turns the probes into joins and orders them by its own estimates): a random page per entry, for about 2,500
    /// entries to fill a page of "Ri Yong Chol" (that query 8.7 ms, the two that replace it 3.1 ms, at 1,000,000
    /// records). A row that the filters or the reader's desks leave out is skipped, and more entries are read, more at
    /// a time, until the page is full or none are left.
    /// </para>
    /// </summary>
    private async Task<List<(string SortKey, RegisterRow Row)>> ExactInIdOrderAsync(IQueryable<Prisoner> prisoners,
        Expression<Func<PrisonerSearchTerm, bool>> driver, Expression<Func<PrisonerSearchTerm, bool>>? besides, bool descending, int? pastId,
        int take, CancellationToken ct)
    {
        var entries = db.PrisonerSearchTerms.Where(driver);
        if (besides is not null) entries = entries.Where(besides);
        var fetched = new List<(string SortKey, RegisterRow Row)>();
        var batch = take;
        while (true)
        {
            var window = pastId is not { } past ? entries : descending ? entries.Where(t => t.PrisonerId < past) : entries.Where(t => t.PrisonerId > past);
            var ids = await (descending ? window.OrderByDescending(t => t.PrisonerId) : window.OrderBy(t => t.PrisonerId))
                .Select(t => t.PrisonerId).Take(batch).ToListAsync(ct);
            if (ids.Count == 0) return fetched;
            // One parameter for the list, so that EF Core keeps the statement (a list expanded into parameters is written anew each time).
            var rows = prisoners.Where(p => EF.Parameter(ids).Contains(p.Id));
            fetched.AddRange(await FetchAsync(descending ? rows.OrderByDescending(p => p.Id) : rows.OrderBy(p => p.Id), RegisterSort.Relevance, take - fetched.Count, ct));
            if (fetched.Count >= take || ids.Count < batch) return fetched;
            pastId = ids[^1];
            batch = Math.Min(batch * 4, ExactEntriesBatchMax);
        }
    }

    /// <summary>The most entries <see cref="ExactInIdOrderAsync"/> reads at a time, when rows the filters leave out made it read on.</summary>
    private const int ExactEntriesBatchMax = 4_000;

    /// <summary>The part of a relevance cursor: "0" exact, "1" the rest (a cursor made before parts were carried began "0…" or "1…" too).</summary>
    private static int? RelevancePart(RegisterCursor? cursor) =>
        cursor is null ? null : cursor.Key.Length > 0 && cursor.Key[0] is '0' or '1' ? cursor.Key[0] - '0' : null;

    /// <summary>The first <paramref name="take"/> rows of <paramref name="ordered"/> (ordered by the caller), as the page shows them.</summary>
    private static async Task<List<(string SortKey, RegisterRow Row)>> FetchAsync(
        IQueryable<Prisoner> ordered, RegisterSort sort, int take, CancellationToken ct)
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
