using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Time.Testing;

using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Data.Sqlite;

namespace PowRegistry.Core.Tests.Retention;

/// <summary>
/// A database from before ADR-024, its chain sealed the old way, upgraded by the migration: its old entries still verify,
/// new entries follow them in the new format, an old entry can be redacted (and is then reported as redacted, not
/// altered), and the new trigger is in place (an update other than a redaction is still refused).
/// </summary>
public sealed class AuditUpgradeTests : IAsyncLifetime
{
    private const string BeforeRetention = "20261205123539_SharedInstanceState";
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"powregistry-upgrade-{Guid.NewGuid():N}.db");
    private readonly AuditKey _key = AuditKey.Random();
    private readonly FakeTimeProvider _clock = new(TestServices.Now);

    private string ConnectionString => SqliteSetup.ResolveConnectionString($"Data Source={_path}", Path.GetTempPath());

    private PowRegistryDbContext Context()
    {
        var options = new DbContextOptionsBuilder<PowRegistryDbContext>();
        SqliteSetup.Configure(options, ConnectionString);
        var system = new CurrentUser();
        system.ActAsSystem();
        return new PowRegistryDbContext(options.Options).For(system, _key, _clock);
    }

    public async Task InitializeAsync()
    {
        await using (var db = Context()) await db.GetService<IMigrator>().MigrateAsync(BeforeRetention);
        // Three entries as the application wrote them until now: the hash over the values themselves, no digest column.
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        var previous = AuditEntry.GenesisHash;
        for (var id = 1; id <= 3; id++)
        {
            var entry = new AuditEntry(id, TestServices.Now, "officer-1", AuditActions.Update, "Prisoner", "7", 7, $"[{{\"Field\":\"FamilyName\",\"Old\":null,\"New\":\"Oldname{id}\"}}]", previous);
            var hash = entry.ComputeHash(_key);
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO AuditEntries (Id, At, UserId, Action, EntityType, EntityId, PrisonerId, Changes, PreviousHash, Hash) VALUES ($id, $at, $u, $a, $t, $e, $p, $c, $prev, $h)";
            foreach (var (name, value) in new (string, object)[] { ("$id", id), ("$at", entry.At.ToUnixTimeMilliseconds()), ("$u", entry.UserId), ("$a", entry.Action), ("$t", entry.EntityType), ("$e", entry.EntityId), ("$p", 7), ("$c", entry.Changes), ("$prev", previous), ("$h", hash) })
            {
                insert.Parameters.AddWithValue(name, value);
            }
            await insert.ExecuteNonQueryAsync();
            previous = hash;
        }
        await using (var db = Context()) await DatabaseSetup.MigrateAsync(db, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        TestDatabase.ClearSqlitePool(ConnectionString);
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_path + suffix);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AnUpgradedChain_StillVerifies_TakesNewEntries_AndLetsAnOldEntryBeRedacted()
    {
        await using var db = Context();
        Assert.True((await db.VerifyAuditAsync(CancellationToken.None)).Intact);

        db.Desks.Add(new PowRegistry.Core.Desks.Desk("After the upgrade"));
        await db.SaveChangesAsync();
        var newest = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).FirstAsync();
        Assert.NotNull(newest.ChangesDigest);
        Assert.Null((await db.AuditEntries.AsNoTracking().FirstAsync(e => e.Id == 2)).ChangesDigest);

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Null(await AuditChain.RedactAsync(db, _key, [2, newest.Id], CancellationToken.None));
            await transaction.CommitAsync();
        }
        var verification = await db.VerifyAuditAsync(CancellationToken.None);
        Assert.True(verification.Intact, verification.Message.Key);
        Assert.Equal(2, verification.Redacted);
        Assert.DoesNotContain(await db.AuditEntries.AsNoTracking().Select(e => e.Changes).ToListAsync(), c => c.Contains("Oldname2", StringComparison.Ordinal));

        // The migration replaced the trigger: still no UPDATE but a redaction.
        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET UserId = 'x' WHERE Id = 1;"));
        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries WHERE Id = 1;"));
    }
}
