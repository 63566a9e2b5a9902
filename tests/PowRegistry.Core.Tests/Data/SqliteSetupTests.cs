using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Data;
using PowRegistry.Core.Data.Sqlite;

namespace PowRegistry.Core.Tests.Data;

public sealed class SqliteSetupTests(TestServices app) : IClassFixture<TestServices>
{
    [Theory]
    [Trait("Store", "Sqlite")] // SQLite's pragmas
    [InlineData("journal_mode", "wal")]
    [InlineData("synchronous", "2")] // FULL
    [InlineData("foreign_keys", "1")]
    [InlineData("busy_timeout", "10000")]
    public async Task EveryConnection_IsOpenedForSafety(string pragma, string expected)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        var value = Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, value);
    }

    [Fact]
    public async Task TheSchema_MatchesTheModel_NoMigrationIsMissing()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed without a migration: run dotnet ef migrations add.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
