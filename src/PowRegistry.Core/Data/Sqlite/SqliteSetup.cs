using System.Data.Common;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PowRegistry.Core.Data.Sqlite;

/// <summary>
/// The one place that knows the store is SQLite (with its migrations, in <c>Data/Sqlite/Migrations</c>): connection
/// string resolution, the pragmas every connection runs with, the SQL its migrations add by hand (the audit table's
/// append-only triggers), how it reports a unique-key clash, and its backup. PostgreSQL's sibling is
/// <see cref="PostgreSql.PostgreSqlSetup"/>; <see cref="DatabaseSetup"/> chooses between them (ADR-025).
/// </summary>
public static class SqliteSetup
{
    /// <summary>How long a writer waits for another writer's lock before giving up (milliseconds).</summary>
    public const int BusyTimeoutMs = 10_000;

    /// <summary>Called by <see cref="DatabaseSetup.Configure"/>, which adds what every provider shares.</summary>
    internal static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(PragmaInterceptor.Instance);

    /// <summary>Makes a relative "Data Source" absolute under <paramref name="baseDirectory"/> and creates its folder.</summary>
    public static string ResolveConnectionString(string connectionString, string baseDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && !source.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(source, baseDirectory);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        builder.ForeignKeys = true;
        builder.DefaultTimeout = BusyTimeoutMs / 1000;
        return builder.ToString();
    }

    /// <summary>
    /// The audit table is append-only: SQLite refuses UPDATE and DELETE on it. (Someone with the file can drop the
    /// triggers; the HMAC chain is what then shows the tampering.) Used by the migration that creates the table.
    /// </summary>
    public static readonly string[] AuditAppendOnlyTriggers =
    [
        $"CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, '{AppendOnly}'); END;",
        $"CREATE TRIGGER AuditEntries_NoDelete BEFORE DELETE ON AuditEntries BEGIN SELECT RAISE(ABORT, '{AppendOnly}'); END;",
    ];

    /// <summary>The error SQLite raises on a write to the audit table: for developers and logs (a user never causes one), so not a message key.</summary>
    private const string AppendOnly = "audit entries are append-only";

    /// <summary>
    /// From ADR-024 on, one UPDATE is allowed: a redaction, which empties <c>Changes</c> and sets <c>Redaction</c> once,
    /// leaving every other column as it was (IS compares nulls too). Everything else is still refused, a second
    /// redaction and putting values back included. The seal itself is checked by the verifier (the key is not here).
    /// </summary>
    public static readonly string[] AuditRedactionOnlyTrigger =
    [
        "DROP TRIGGER IF EXISTS AuditEntries_NoUpdate;",
        $"""
        CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries
        WHEN NOT (NEW.Changes = '{Audit.AuditEntry.RedactedChanges}' AND NEW.Redaction IS NOT NULL AND OLD.Redaction IS NULL
            AND NEW.Id IS OLD.Id AND NEW.At IS OLD.At AND NEW.UserId IS OLD.UserId AND NEW.Action IS OLD.Action
            AND NEW.EntityType IS OLD.EntityType AND NEW.EntityId IS OLD.EntityId AND NEW.PrisonerId IS OLD.PrisonerId
            AND NEW.ChangesDigest IS OLD.ChangesDigest AND NEW.PreviousHash IS OLD.PreviousHash AND NEW.Hash IS OLD.Hash)
        BEGIN SELECT RAISE(ABORT, '{AppendOnly}'); END;
        """,
    ];

    /// <summary>
    /// From migration AccessEntryExpiry on, the redaction may also blank the viewer of an access entry (AccessLogYears,
    /// ADR-024): <c>UserId</c> may change only on an access entry, and only to <see cref="Audit.AuditEntry.ExpiredUserId"/>.
    /// </summary>
    public static readonly string[] AuditRedactionOrAccessExpiryTrigger =
    [
        "DROP TRIGGER IF EXISTS AuditEntries_NoUpdate;",
        $"""
        CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries
        WHEN NOT (NEW.Changes = '{Audit.AuditEntry.RedactedChanges}' AND NEW.Redaction IS NOT NULL AND OLD.Redaction IS NULL
            AND NEW.Id IS OLD.Id AND NEW.At IS OLD.At
            AND (NEW.UserId IS OLD.UserId OR (OLD.Action = '{Audit.AuditActions.Access}' AND NEW.UserId = '{Audit.AuditEntry.ExpiredUserId}'))
            AND NEW.Action IS OLD.Action
            AND NEW.EntityType IS OLD.EntityType AND NEW.EntityId IS OLD.EntityId AND NEW.PrisonerId IS OLD.PrisonerId
            AND NEW.ChangesDigest IS OLD.ChangesDigest AND NEW.PreviousHash IS OLD.PreviousHash AND NEW.Hash IS OLD.Hash)
        BEGIN SELECT RAISE(ABORT, '{AppendOnly}'); END;
        """,
    ];

    /// <summary>Back to refusing every UPDATE (the migration's Down).</summary>
    public static readonly string[] AuditNoUpdateTrigger =
    [
        "DROP TRIGGER IF EXISTS AuditEntries_NoUpdate;",
        $"CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, '{AppendOnly}'); END;",
    ];

    public static readonly string[] DropAuditAppendOnlyTriggers =
    [
        "DROP TRIGGER IF EXISTS AuditEntries_NoUpdate;",
        "DROP TRIGGER IF EXISTS AuditEntries_NoDelete;",
    ];

    /// <summary>SQLite's answer to a broken unique index (SQLITE_CONSTRAINT, 19), on a column whose name the message carries.</summary>
    public static bool IsUniqueViolation(Exception? error, string column) =>
        error is SqliteException { SqliteErrorCode: 19 } sqlite && sqlite.Message.Contains(column, StringComparison.Ordinal);

    /// <summary>
    /// Writes a consistent, compacted copy of the live database to <paramref name="path"/>. VACUUM INTO reads inside
    /// one transaction, so it is safe while the application keeps writing (WAL lets both proceed).
    /// </summary>
    public static async Task BackupAsync(PowRegistryDbContext db, string path, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0};", [path], ct);
    }

    /// <summary>Pages a batch keeps in memory (KiB, as SQLite's negative cache_size): 256 MB, against the default 2 MB.</summary>
    private const int BatchCacheKiB = 256 * 1024;

    /// <summary>
    /// Log pages after which a batch's commit copies the write-ahead log into the database: 65,536 (256 MB), against
    /// SQLite's default of 1,000 (4 MB), which every chunk of an import passes, so that each chunk's commit also copied
    /// the log into the database and synced it. Spaced out, an index page that several chunks change is copied once,
    /// not once per chunk (16,384 pages wrote 15 % more to the disk than this over a 100,000-row import). Each commit is
    /// still synced to the log (synchronous=FULL). What the batch leaves in the log it copies itself at the end
    /// (<see cref="BatchConnection"/>).
    /// </summary>
    private const int BatchCheckpointPages = 64 * 1024;

    /// <summary>
    /// Keeps the connection open for a batch (an import's chunks) with a page cache large enough for the register's
    /// indexes, so that inserting tens of thousands of rows does not read the same index pages back from the file for
    /// every chunk, and the log copied into the database less often (<see cref="BatchCheckpointPages"/>); durability is
    /// unchanged (synchronous=FULL, one commit per chunk). Disposing restores SQLite's defaults and closes the
    /// connection, which may go back to the pool.
    /// </summary>
    public static async Task<IAsyncDisposable> OpenForBatchAsync(PowRegistryDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"PRAGMA cache_size=-{BatchCacheKiB}; PRAGMA wal_autocheckpoint={BatchCheckpointPages};";
            await command.ExecuteNonQueryAsync(ct);
        }
        return new BatchConnection(db);
    }

    /// <summary>
    /// Copies what the batch left in the log into the database before it gives the connection back (a passive
    /// checkpoint, which waits for no reader and leaves what a reader still needs): left there, it would be copied by the
    /// next save that passes SQLite's 1,000 pages, an officer's, who would wait for up to 256 MB of it.
    /// </summary>
    private sealed class BatchConnection(PowRegistryDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var command = db.Database.GetDbConnection().CreateCommand())
            {
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE); PRAGMA cache_size=-2000; PRAGMA wal_autocheckpoint=1000;"; // then SQLite's defaults
                await command.ExecuteNonQueryAsync();
            }
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Run once at start-up: WAL is a property of the database file and persists.</summary>
    public static async Task UseWriteAheadLogAsync(PowRegistryDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>
    /// Where the database has planner statistics (someone ran ANALYZE), an index added later by a migration has none,
    /// and SQLite then trusts the older indexes' numbers over it: the record history's partial index lost to the full
    /// one that way. Run once at start-up: analyzes only the indexes that lack statistics (none in a database never analyzed).
    /// </summary>
    public static async Task CompletePlannerStatisticsAsync(PowRegistryDbContext db, CancellationToken ct)
    {
        var hasStatistics = await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS Value FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'").SingleAsync(ct) > 0;
        if (!hasStatistics) return;
        var missing = await db.Database.SqlQueryRaw<string>(
            "SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' AND tbl_name IN (SELECT tbl FROM sqlite_stat1) AND name NOT IN (SELECT idx FROM sqlite_stat1 WHERE idx IS NOT NULL)")
            .ToListAsync(ct);
        // Index names come from the schema itself, quoted as identifiers; no outside input reaches this SQL.
#pragma warning disable EF1002
        foreach (var index in missing) await db.Database.ExecuteSqlRawAsync($"ANALYZE \"{index.Replace("\"", "\"\"", StringComparison.Ordinal)}\";", ct);
#pragma warning restore EF1002
    }

    /// <summary>
    /// synchronous=FULL: an acknowledged commit survives power loss, not only a process crash.
    /// foreign_keys: SQLite leaves them off per connection unless asked. busy_timeout: writers queue instead of failing.
    /// </summary>
    private sealed class PragmaInterceptor : DbConnectionInterceptor
    {
        public static readonly PragmaInterceptor Instance = new();
        private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = Pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
