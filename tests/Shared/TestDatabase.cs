using System.Data.Common;

using Microsoft.Data.Sqlite;

using Npgsql;

using PowRegistry.Core.Data;
using PowRegistry.Core.Data.PostgreSql;
using PowRegistry.Core.Data.Sqlite;

namespace PowRegistry.Tests;

/// <summary>
/// The store the tests run on: SQLite by default; PostgreSQL when <see cref="ServerVariable"/> holds a server's
/// connection string, as in tests/run.sh's second pass (ADR-025). Each caller gets a database of its own.
/// Shared by both test projects (linked, not referenced). A test about SQLite itself (its pragmas, its planner) carries
/// <c>[Trait("Store", "Sqlite")]</c>: it runs in the SQLite pass, and the PostgreSQL pass leaves it out by that trait.
/// </summary>
public static class TestDatabase
{
    public const string ServerVariable = "POWREGISTRY_TEST_POSTGRES";

    private static readonly string? Server = Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : null;

    public static DatabaseProvider Provider => Server is null ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql;

    public static bool IsPostgreSql => Provider == DatabaseProvider.PostgreSql;

    /// <summary>
    /// A connection string for a new, empty database: the SQLite file at <paramref name="sqlitePath"/>, or a new database
    /// on the PostgreSQL test server (left there: the server is thrown away after the run).
    /// </summary>
    public static string NewConnectionString(string sqlitePath)
    {
        if (Server is null) return $"Data Source={sqlitePath}";
        var name = "powregistry_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ToString();
    }

    /// <summary>
    /// Closes the idle pooled SQLite connections to this one database, so that its files can be deleted. Not
    /// <c>SqliteConnection.ClearAllPools()</c>: that closes every other test class's idle connections too, and when a
    /// database loses its last connection SQLite checkpoints and resets its log under a test that is reading it.
    /// </summary>
    public static void ClearSqlitePool(string connectionString)
    {
        if (IsPostgreSql) return;
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>The SQL that lifts the audit table's append-only triggers, as someone holding the database could.</summary>
    public static string DropAuditTriggersSql => IsPostgreSql
        ? string.Join(' ', PostgreSqlSetup.DropAuditAppendOnlyTrigger)
        : string.Join(' ', SqliteSetup.DropAuditAppendOnlyTriggers);

    /// <summary>A connection of its own to the database of <paramref name="connectionString"/>, opened; unpooled, so closing it lets go of everything.</summary>
    public static async Task<DbConnection> OpenAsync(string connectionString)
    {
        DbConnection connection = IsPostgreSql
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString())
            : new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Raw SQL on that database, as someone holding it could run; returns the rows changed.</summary>
    public static async Task<int> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row, as invariant text (null when there is none).</summary>
    public static async Task<string?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A connection of its own that holds the write lock every save needs (SQLite's, or the advisory lock of ADR-025),
    /// as a long save would, until it is disposed. Unpooled: closing it really ends the transaction and frees the lock.
    /// </summary>
    public static async Task<DbConnection> OpenHoldingWriteLockAsync(string connectionString)
    {
        var connection = await OpenAsync(connectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = IsPostgreSql ? $"BEGIN; SELECT pg_advisory_xact_lock({PostgreSqlSetup.WriteLockKey});" : "BEGIN IMMEDIATE;";
        await command.ExecuteNonQueryAsync();
        return connection;
    }
}
