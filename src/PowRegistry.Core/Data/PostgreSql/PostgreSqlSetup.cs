using System.Data.Common;
using System.Diagnostics;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

using Npgsql;

namespace PowRegistry.Core.Data.PostgreSql;

/// <summary>
/// The one place that knows the store is PostgreSQL (ADR-025): its migrations' assembly, the write lock every
/// transaction takes, the SQL its migrations add by hand (the audit table's append-only trigger), how it reports a
/// unique-key clash, and its backup. The SQLite sibling is <see cref="Sqlite.SqliteSetup"/>.
/// </summary>
public static class PostgreSqlSetup
{
    public const string ProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>EF Core finds a context's migrations in one assembly: SQLite's are in Core, PostgreSQL's in their own.</summary>
    public const string MigrationsAssembly = "PowRegistry.Migrations.PostgreSql";

    /// <summary>The advisory lock every write transaction takes first: any fixed number no other software uses on this database.</summary>
    public const long WriteLockKey = 0x506F77526567; // "PowReg"

    internal static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly))
            .AddInterceptors(WriteLockInterceptor.Instance);

    /// <summary>
    /// The audit table is append-only, enforced by PostgreSQL: UPDATE, DELETE and TRUNCATE are refused, except the one
    /// update ADR-024 allows, a redaction (values emptied, the seal set once, every other column unchanged). The table's
    /// owner can still drop the trigger; operations.md says to run the application as a role that does not own the
    /// tables, and the HMAC chain shows any tampering regardless.
    /// </summary>
    public static readonly string[] AuditAppendOnlyTrigger =
    [
        $$"""
        CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP = 'UPDATE' AND NEW."Changes" = '{{Audit.AuditEntry.RedactedChanges}}' AND NEW."Redaction" IS NOT NULL AND OLD."Redaction" IS NULL
                AND (NEW."Id", NEW."At", NEW."UserId", NEW."Action", NEW."EntityType", NEW."EntityId", NEW."PrisonerId", NEW."ChangesDigest", NEW."PreviousHash", NEW."Hash")
                    IS NOT DISTINCT FROM (OLD."Id", OLD."At", OLD."UserId", OLD."Action", OLD."EntityType", OLD."EntityId", OLD."PrisonerId", OLD."ChangesDigest", OLD."PreviousHash", OLD."Hash")
            THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION 'audit entries are append-only';
        END
        $body$;
        """,
        """CREATE TRIGGER "AuditEntries_AppendOnly" BEFORE UPDATE OR DELETE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();""",
        """CREATE TRIGGER "AuditEntries_NoTruncate" BEFORE TRUNCATE ON "AuditEntries" FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();""",
    ];

    /// <summary>
    /// From migration AccessEntryExpiry on, the redaction may also blank the viewer of an access entry (AccessLogYears,
    /// ADR-024): <c>UserId</c> may change only on an access entry, and only to <see cref="Audit.AuditEntry.ExpiredUserId"/>.
    /// The function is replaced in place; the triggers that call it stay.
    /// </summary>
    public static readonly string AuditAppendOnlyWithAccessExpiry =
        $$"""
        CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP = 'UPDATE' AND NEW."Changes" = '{{Audit.AuditEntry.RedactedChanges}}' AND NEW."Redaction" IS NOT NULL AND OLD."Redaction" IS NULL
                AND (NEW."Id", NEW."At", NEW."Action", NEW."EntityType", NEW."EntityId", NEW."PrisonerId", NEW."ChangesDigest", NEW."PreviousHash", NEW."Hash")
                    IS NOT DISTINCT FROM (OLD."Id", OLD."At", OLD."Action", OLD."EntityType", OLD."EntityId", OLD."PrisonerId", OLD."ChangesDigest", OLD."PreviousHash", OLD."Hash")
                AND (NEW."UserId" IS NOT DISTINCT FROM OLD."UserId" OR (OLD."Action" = '{{Audit.AuditActions.Access}}' AND NEW."UserId" = '{{Audit.AuditEntry.ExpiredUserId}}'))
            THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION 'audit entries are append-only';
        END
        $body$;
        """;

    /// <summary>The function as the initial migration made it (redaction only): AccessEntryExpiry's Down.</summary>
    public static string AuditAppendOnlyRedactionOnly => AuditAppendOnlyTrigger[0].Replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", StringComparison.Ordinal);

    /// <summary>What a test (or an operator restoring by hand) runs to lift the trigger; the chain still tells.</summary>
    public static readonly string[] DropAuditAppendOnlyTrigger =
    [
        """DROP TRIGGER IF EXISTS "AuditEntries_AppendOnly" ON "AuditEntries";""",
        """DROP TRIGGER IF EXISTS "AuditEntries_NoTruncate" ON "AuditEntries";""",
    ];

    /// <summary>The lock instances hold while they migrate: any fixed number no other software uses on this database.</summary>
    private const long MigrationLockKey = WriteLockKey + 1;

    /// <summary>
    /// Migrates under a session advisory lock held from before the history table is read until the last migration is
    /// applied, so that instances starting together migrate once: the others wait, then find nothing pending. EF Core's
    /// own lock on PostgreSQL is let go at each migration's commit, so a second instance could apply the next migration
    /// meanwhile and the first then failed on it ("relation … already exists"; InstancesStartingTogetherTests).
    /// The history table is created first, so that EF does not log its failed read of a missing table as an error on a
    /// first start that is going well.
    /// </summary>
    public static async Task MigrateAsync(PowRegistryDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", ct);
            try
            {
                await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
                await db.Database.MigrateAsync(ct);
            }
            catch
            {
                // Best effort: when the connection itself failed the release fails too, and must not hide the first error;
                // the lock goes with the session anyway.
                try { await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None); }
                catch (Exception releaseError) when (releaseError is DbException or InvalidOperationException) { }
                throw;
            }
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The database's collation when it is not C, null when it is. With C, text compares by bytes as on SQLite (the
    /// register orders alike on both) and PostgreSQL can answer a prefix LIKE from a plain index (the name search).
    /// </summary>
    public static async Task<string?> CollationOtherThanCAsync(PowRegistryDbContext db, CancellationToken ct)
    {
        var collation = (await db.Database.SqlQuery<string>($"SELECT datcollate AS \"Value\" FROM pg_database WHERE datname = current_database()").ToListAsync(ct)).Single();
        return collation is "C" or "POSIX" ? null : collation;
    }

    /// <summary>PostgreSQL's unique_violation (23505), on an index whose name (EF's IX_Table_Columns) carries the column.</summary>
    public static bool IsUniqueViolation(Exception? error, string column) =>
        error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres
        && (postgres.ConstraintName?.Contains(column, StringComparison.Ordinal) ?? false);

    /// <summary>Keeps one connection for a batch's chunks; PostgreSQL needs no per-connection tuning for it.</summary>
    public static async Task<IAsyncDisposable> OpenForBatchAsync(PowRegistryDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return new BatchConnection(db);
    }

    private sealed class BatchConnection(PowRegistryDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await db.Database.CloseConnectionAsync();
    }

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive prisoner ids and returns the first. Explicit ids do not move an
    /// identity column's sequence (SQLite's AUTOINCREMENT moves by itself), so the sequence is set past the range here;
    /// the caller holds the write lock, so nothing else draws from it meanwhile.
    /// </summary>
    internal static async Task<int> ReservePrisonerIdsAsync(PowRegistryDbContext db, int count, CancellationToken ct)
    {
        var last = await db.Database.SqlQueryRaw<long>("""
            SELECT setval(pg_get_serial_sequence('"Prisoners"', 'Id'),
                GREATEST(nextval(pg_get_serial_sequence('"Prisoners"', 'Id')) - 1, (SELECT COALESCE(MAX("Id"), 0) FROM "Prisoners")) + {0}) AS "Value"
            """, count).SingleAsync(ct);
        return (int)(last - count + 1);
    }

    /// <summary>
    /// A consistent copy of the live database by pg_dump (one snapshot, safe while the application writes), in its
    /// custom format for pg_restore. pg_dump is looked for on PATH, then in Debian's /usr/lib/postgresql/*/bin.
    /// </summary>
    public static async Task BackupAsync(PowRegistryDbContext db, string path, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connection = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var start = new ProcessStartInfo(PgDump(), ["--format=custom", "--no-password", "--file", path])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The connection goes by environment, not arguments: a password on a command line is visible to every user.
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = connection.Database;
        start.Environment["PGUSER"] = connection.Username;
        if (connection.Password is { Length: > 0 } password) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pg_dump did not start.");
        var error = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"pg_dump exited with {process.ExitCode}: {error.Trim()}");
    }

    private static string PgDump()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "pg_dump")).FirstOrDefault(File.Exists);
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(v => int.TryParse(Path.GetFileName(v), out var n) ? n : 0)
                .Select(v => Path.Combine(v, "bin", "pg_dump")).FirstOrDefault(File.Exists)
            : null;
        return onPath ?? debian ?? "pg_dump";
    }

    /// <summary>
    /// Every transaction first takes one advisory lock, held to its end: writers go one at a time, as SQLite's single
    /// writer made them. The code relies on that in several places (the audit chain reads its last entry and appends;
    /// the review's counts are read and written back; an import reserves ids), and a lock taken before anything else
    /// cannot deadlock. Readers outside a transaction are not held up (ADR-025).
    /// </summary>
    private sealed class WriteLockInterceptor : DbTransactionInterceptor
    {
        public static readonly WriteLockInterceptor Instance = new();
        private static readonly string Sql = $"SELECT pg_advisory_xact_lock({WriteLockKey})";

        public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
        {
            using var command = connection.CreateCommand();
            command.Transaction = result;
            command.CommandText = Sql;
            command.ExecuteNonQuery();
            return result;
        }

        public override async ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.Transaction = result;
                command.CommandText = Sql;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return result;
        }
    }
}
