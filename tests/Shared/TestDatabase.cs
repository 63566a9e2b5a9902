using Npgsql;

using PowRegistry.Core.Data;

namespace PowRegistry.Tests;

/// <summary>
/// The store the tests run on: SQLite by default; PostgreSQL when <see cref="ServerVariable"/> holds a server's
/// connection string, as in tests/run.sh's second pass (ADR-025). Each caller gets a database of its own.
/// Shared by both test projects (linked, not referenced).
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
}

/// <summary>A test about SQLite itself (its file, pragmas, planner, VACUUM INTO): skipped on the PostgreSQL pass, saying why.</summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute(string why)
    {
        if (TestDatabase.IsPostgreSql) Skip = "SQLite only: " + why;
    }
}

/// <summary>The theory form of <see cref="SqliteOnlyFactAttribute"/>.</summary>
public sealed class SqliteOnlyTheoryAttribute : TheoryAttribute
{
    public SqliteOnlyTheoryAttribute(string why)
    {
        if (TestDatabase.IsPostgreSql) Skip = "SQLite only: " + why;
    }
}
