using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Data.Sqlite;

namespace PowRegistry.Core.Data;

public static class DatabaseStartup
{
    /// <summary>Creates the database when missing and applies every migration; the schema only ever comes from migrations.</summary>
    public static async Task MigrateAsync(PowRegistryDbContext db, CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        await SqliteSetup.UseWriteAheadLogAsync(db, ct);
        await SqliteSetup.CompletePlannerStatisticsAsync(db, ct);
    }
}
