using Microsoft.EntityFrameworkCore;

namespace PowRegistry.Core.Prisoners;

/// <summary>
/// How many rows a query has, counted up to a cap, in the cheapest way the stores offer. <c>COUNT(*)</c> over a
/// <c>LIMIT</c> subquery costs SQLite about 8 VM steps per row (the subquery runs as a co-routine), while skipping
/// rows with <c>OFFSET</c> costs about 3, and so does a plain count. So it first asks whether a row lies at the cap
/// (OFFSET cap − 1), and counts only when none does, the count then being under the cap (40,017 steps for a
/// condition of 5,000 entries or more before, 15,015 after; see docs/performance.md).
/// </summary>
internal static class CappedCount
{
    public static async Task<int> OfAsync<T>(IQueryable<T> rows, int cap, CancellationToken ct)
    {
        if (cap <= 0) return 0;
        if (await rows.Skip(cap - 1).AnyAsync(ct)) return cap;
        // Rows written between the two queries could take it past the cap: it is still a count up to the cap.
        return Math.Min(await rows.CountAsync(ct), cap);
    }
}
