using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Data.PostgreSql;

namespace PowRegistry.Core.Data;

/// <summary>
/// Reserves a range of prisoner ids for a batch insert (ADR-017). The caller holds the write transaction, so no other
/// writer can take an id between this read and the insert (and the primary key would refuse it if one did).
/// </summary>
internal static class IdReservation
{
    /// <summary>The first of <paramref name="count"/> consecutive ids no record has or had.</summary>
    public static async Task<int> ReservePrisonerIdsAsync(PowRegistryDbContext db, int count, CancellationToken ct)
    {
        if (db.Database.Provider() == DatabaseProvider.PostgreSql) return await PostgreSqlSetup.ReservePrisonerIdsAsync(db, count, ct);
        // Prisoners is an AUTOINCREMENT table: an id is never reused, even after a delete, so the next id is past both
        // the largest id and the largest id ever handed out (sqlite_sequence). Explicit ids move sqlite_sequence by themselves.
        var largest = await db.Prisoners.IgnoreQueryFilters().MaxAsync(p => (int?)p.Id, ct) ?? 0;
        var handedOut = await db.Database.SqlQueryRaw<long>("SELECT seq AS Value FROM sqlite_sequence WHERE name = 'Prisoners'").ToListAsync(ct);
        return (int)Math.Max(largest, handedOut.Count > 0 ? handedOut[0] : 0) + 1;
    }
}
