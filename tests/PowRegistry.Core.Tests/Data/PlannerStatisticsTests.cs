using Microsoft.Data.Sqlite;

using PowRegistry.Core.Data;
using PowRegistry.Core.Data.Sqlite;

namespace PowRegistry.Core.Tests.Data;

/// <summary>An index a migration adds to an analyzed database gets its statistics at start-up, so SQLite does not pass it over.</summary>
public sealed class PlannerStatisticsTests(TestServices app) : IClassFixture<TestServices>
{
    [Fact]
    [Trait("Store", "Sqlite")] // SQLite's sqlite_stat1 and ANALYZE at start-up
    public async Task AnIndexWithoutStatistics_InAnAnalyzedDatabase_IsAnalyzedAtStartUp()
    {
        // A change writes audit entries: SQLite keeps statistics only for tables with rows.
        await app.Run<PowRegistry.Core.Prisoners.PrisonerService, PowRegistry.Core.Common.ServiceResult<PowRegistry.Core.Prisoners.Prisoner>>(s => s.CreateAsync(
            new PowRegistry.Core.Prisoners.PrisonerInput { FamilyName = "Analyzed", DuplicatesChecked = true }, TestServices.Officer, CancellationToken.None));
        await ExecuteAsync("ANALYZE; DELETE FROM sqlite_stat1 WHERE idx = 'IX_AuditEntries_UserId_Id';");
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM sqlite_stat1 WHERE idx = 'IX_AuditEntries_UserId_Id'"));

        await app.Run<PowRegistryDbContext, bool>(async db => { await DatabaseSetup.MigrateAsync(db, CancellationToken.None); return true; });

        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM sqlite_stat1 WHERE idx = 'IX_AuditEntries_UserId_Id'"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
