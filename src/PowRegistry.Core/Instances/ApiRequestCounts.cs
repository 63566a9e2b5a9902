using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Data;

namespace PowRegistry.Core.Instances;

/// <summary>
/// Counts API requests per key and minute in the database, so that the API's limit holds however a proxy spreads a
/// token's requests over app instances (ADR-022). One statement per request: an upsert that returns the new count.
/// </summary>
public sealed class ApiRequestCounts(IDbContextFactory<PowRegistryDbContext> contexts, TimeProvider clock)
{
    /// <summary>Counts one request under <paramref name="key"/> in the current minute; true while the minute's count is within <paramref name="limit"/>.</summary>
    public async Task<bool> TryCountAsync(string key, int limit, CancellationToken ct)
    {
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        await using var db = await contexts.CreateDbContextAsync(ct);
        // INSERT … ON CONFLICT … RETURNING: the same SQL on SQLite (3.35 and later) and PostgreSQL, atomic on both, so
        // two instances counting at once never lose a request. Not composed by EF (ToList), which could not wrap it.
        var counted = await db.Database.SqlQuery<int>($"""
            INSERT INTO "ApiRequestCounts" ("Key", "Minute", "Count") VALUES ({key}, {minute}, 1)
            ON CONFLICT ("Key", "Minute") DO UPDATE SET "Count" = "ApiRequestCounts"."Count" + 1
            RETURNING "Count" AS "Value"
            """).ToListAsync(ct);
        // A key's first request in a minute clears the minutes before the last one: the table holds about two minutes.
        if (counted[0] == 1) await db.ApiRequestCounts.Where(c => c.Minute < minute - 1).ExecuteDeleteAsync(ct);
        return counted[0] <= limit;
    }
}
