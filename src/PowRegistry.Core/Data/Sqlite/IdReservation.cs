using Microsoft.EntityFrameworkCore;

namespace PowRegistry.Core.Data.Sqlite;

/// <summary>
/// Reserves a range of prisoner ids for a batch insert (ADR-017). The caller holds the write transaction, so no other
/// writer can take an id between this read and the insert (and the primary key would refuse it if one did). Prisoners
/// is an AUTOINCREMENT table: an id is never reused, even after a delete, so the next id is past both the largest id
/// and the largest id ever handed out (sqlite_sequence). Inserting explicit ids moves sqlite_sequence on by itself.
/// PostgreSQL will reserve with nextval on the table's sequence instead.
/// </summary>
internal static class IdReservation
{
    public static async Task<int> NextPrisonerIdAsync(PowRegistryDbContext db, CancellationToken ct)
    {
        var largest = await db.Prisoners.IgnoreQueryFilters().MaxAsync(p => (int?)p.Id, ct) ?? 0;
        var handedOut = await db.Database.SqlQueryRaw<long>("SELECT seq AS Value FROM sqlite_sequence WHERE name = 'Prisoners'").ToListAsync(ct);
        return (int)Math.Max(largest, handedOut.Count > 0 ? handedOut[0] : 0) + 1;
    }
}
