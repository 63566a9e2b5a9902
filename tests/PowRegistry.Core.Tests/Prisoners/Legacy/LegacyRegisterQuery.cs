using System.Linq.Expressions;

using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Prisoners.Legacy;

/// <summary>
/// The test oracle: RegisterService.ListAsync as it was before the per-query search shape (commit 64ebb63), one
/// query per page with the whole match list built first. Kept unchanged so that the new shape can be compared with
/// it row by row: same matches, same order. Do not "improve" it.
/// </summary>
internal static class LegacyRegisterQuery
{
    public static async Task<RegisterPage> ListAsync(PowRegistryDbContext db, CurrentUser currentUser, RegisterQuery query, CancellationToken ct)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var prisoners = db.Prisoners.AsNoTracking();

        if (query.Status is { } status) prisoners = prisoners.Where(p => p.CustodyStatus == status);
        if (Text.Clean(query.Nationality)?.ToUpperInvariant() is { } nationality) prisoners = prisoners.Where(p => p.NationalityCode == nationality);
        if (Text.Clean(query.DetainingPower)?.ToUpperInvariant() is { } detainingPower) prisoners = prisoners.Where(p => p.DetainingPowerCode == detainingPower);
        if (query.Wish is { } wish) prisoners = prisoners.Where(p => p.CurrentWish == wish);
        if (Text.Clean(query.WishState)?.ToUpperInvariant() is { } wishState) prisoners = prisoners.Where(p => p.CurrentWishStateCode == wishState);
        if (query.Verification is { } verification) prisoners = prisoners.Where(p => p.CurrentWishVerification == verification);

        if (!currentUser.SeesAllDesks)
        {
            var deskIds = currentUser.DeskIds;
            prisoners = prisoners.Where(p => deskIds.Contains(p.DeskId));
        }

        var search = LegacyRegisterSearch.For(db, query.Search);
        if (search is not null) prisoners = prisoners.Where(p => search.Matching.Contains(p.Id));
        var exact = search?.Exact ?? db.PrisonerSearchTerms.Where(t => false).Select(t => t.PrisonerId);
        var sort = query.Sort == RegisterSort.Relevance && search is null ? RegisterSort.Reference : query.Sort;

        Expression<Func<Prisoner, string>> key = sort switch
        {
            RegisterSort.Name => p => p.SortName,
            RegisterSort.DateOfCapture => p => p.CaptureSortKey,
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
}
