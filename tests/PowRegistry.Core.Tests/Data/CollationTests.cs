using Microsoft.EntityFrameworkCore;

using Npgsql;

using PowRegistry.Core.Data;

namespace PowRegistry.Core.Tests.Data;

/// <summary>
/// ADR-025: a PostgreSQL database should use the C collation (byte order, as SQLite compares; prefix LIKE from a
/// plain index). Start-up warns when it does not; this is the check it asks. SQLite always compares by bytes.
/// </summary>
public sealed class CollationTests
{
    private static async Task<string?> CollationOtherThanCAsync(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PowRegistryDbContext>();
        DatabaseSetup.Configure(options, TestDatabase.Provider, connectionString);
        await using var db = new PowRegistryDbContext(options.Options);
        return await DatabaseSetup.CollationOtherThanCAsync(db, CancellationToken.None);
    }

    [Fact]
    public async Task ADatabaseInC_IsNotReported()
    {
        var path = Path.Combine(Path.GetTempPath(), $"powregistry-collation-{Guid.NewGuid():N}.db");
        Assert.Null(await CollationOtherThanCAsync(TestDatabase.NewConnectionString(path)));
    }

    [Fact]
    [Trait("Store", "PostgreSql")]
    public async Task APostgreSqlDatabaseInAnotherCollation_IsReportedByName()
    {
        if (!TestDatabase.IsPostgreSql) return; // SQLite has no other collation to create: the test above covers it.
        var name = "powregistry_collation_" + Guid.NewGuid().ToString("N");
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(TestDatabase.ServerVariable)) { Database = "postgres", Pooling = false };
        await TestDatabase.ExecuteAsync(server.ToString(), $"CREATE DATABASE \"{name}\" LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0");

        Assert.Equal("C.UTF-8", await CollationOtherThanCAsync(new NpgsqlConnectionStringBuilder(server.ToString()) { Database = name }.ToString()));
    }
}
