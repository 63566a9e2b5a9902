using Microsoft.EntityFrameworkCore;

namespace PowRegistry.Core.Prisoners;

/// <summary>
/// How many rows a query has, counted up to a cap, in the cheapest way the stores offer, in one statement.
/// <c>COUNT(*)</c> over a <c>LIMIT</c> subquery costs SQLite about 8 VM steps per row (the subquery runs as a
/// co-routine), while skipping rows with <c>OFFSET</c> costs about 3, and so does a plain count. So the statement asks
/// whether a row lies at the cap (OFFSET cap − 1), and counts only when none does, the count then being under the cap
/// (40,017 steps for a condition of 5,000 entries or more before, 15,015 after; see docs/performance.md). Both are
/// parts of one statement (<c>CASE WHEN EXISTS (…) THEN cap ELSE (SELECT COUNT(*) …) END</c>, which both stores
/// evaluate lazily) rather than two: a statement costs about 0.15 ms of EF Core's and the store's work whatever it reads,
/// and the counts of a search are mostly of rare conditions, read in a few dozen steps.
/// </summary>
internal static class CappedCount
{
    public static async Task<int> OfAsync<T>(IQueryable<T> rows, int cap, CancellationToken ct)
    {
        if (cap <= 0) return 0;
        // Asked on the first row, if any (none: the count is 0). One statement reads one snapshot: no row written
        // between the probe and the count can take the count past the cap.
        return await rows.Select(_ => rows.Skip(cap - 1).Any() ? cap : rows.Count()).FirstOrDefaultAsync(ct);
    }
}
