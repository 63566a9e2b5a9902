using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data.PostgreSql;
using PowRegistry.Core.Data.Sqlite;

namespace PowRegistry.Core.Data;

/// <summary>
/// The one switch between the stores (ADR-025). Everything a provider does differently goes through here to its own
/// class, <see cref="SqliteSetup"/> or <see cref="PostgreSqlSetup"/>; the rest of the code asks this class.
/// </summary>
public static class DatabaseSetup
{
    /// <summary>How many idle contexts the pool keeps (EF's default); a request beyond it gets a new one.</summary>
    public const int ContextPoolSize = 1024;

    /// <summary>
    /// Contexts come from a pool (building one per request cost an authenticated page about a tenth of its time: options,
    /// EF's internal services, the DbSets). Each request's scope still gets its own context, bound to that request's
    /// <see cref="CurrentUser"/> before anyone can query with it (ADR-018).
    /// </summary>
    public static IServiceCollection AddPowRegistryDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString, params IInterceptor[] interceptors)
    {
        services.AddPooledDbContextFactory<PowRegistryDbContext>(options => Configure(options.AddInterceptors(interceptors), provider, connectionString), ContextPoolSize);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PowRegistryDbContext>>().CreateDbContext()
            .For(sp.GetRequiredService<CurrentUser>(), sp.GetRequiredService<Audit.AuditKey>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.PostgreSql) PostgreSqlSetup.Configure(options, connectionString);
        else SqliteSetup.Configure(options, connectionString);
        // Aliases, documents and events are only ever reached through their (filtered) prisoner; see ADR-007.
        options.ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
    }

    /// <summary>Which store this context talks to.</summary>
    public static DatabaseProvider Provider(this DatabaseFacade database) =>
        database.ProviderName == PostgreSqlSetup.ProviderName ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;

    /// <summary>
    /// Whether a search whose two sides are both short lists (a rare name typed whole) reads them as one list
    /// (PostgreSQL, whose planner cannot join an OR of lists) or as one list per side joined by OR (SQLite, which reads
    /// that as a multi-index OR). Same prisoners either way. The sorted search reads one list on both stores.
    /// </summary>
    public static bool JoinsOneIdListBetterThanAnOrOfLists(this DatabaseFacade database) => database.Provider() == DatabaseProvider.PostgreSql;

    /// <summary>
    /// Whether a few values to match (a name word's exact keys) are sent as one array parameter (PostgreSQL:
    /// <c>Term = ANY (@keys)</c>, read in index order and stopped at a limit; for an OR of values it builds a bitmap of
    /// every entry of each first, about 30 times slower for three common keys) or as an OR of single values (SQLite,
    /// which reads that as <c>IN (…)</c>; an array parameter becomes <c>json_each</c>, which costs it 10–20 % more).
    /// Never as a plain list: EF Core sends one parameter per item and writes the SQL again on every run.
    /// </summary>
    public static bool MatchesAnArrayBetterThanAnOrOfValues(this DatabaseFacade database) => database.Provider() == DatabaseProvider.PostgreSql;

    /// <summary>
    /// Whether a signed-in request keeps one connection for all its queries. SQLite: yes, since opening one runs its
    /// pragmas each time and its pool has no limit. PostgreSQL: no. Taking a connection from the client's pool is cheap, and
    /// the pool is bounded: requests each holding one while they wait for the record-view writer, which needs one too
    /// (ADR-016), would starve it once there were more of them than the pool holds.
    /// </summary>
    public static bool HoldsConnectionPerRequest(this DatabaseFacade database) => database.Provider() == DatabaseProvider.Sqlite;

    /// <summary>Creates the database when missing and applies every migration; the schema only ever comes from migrations.</summary>
    public static async Task MigrateAsync(PowRegistryDbContext db, CancellationToken ct)
    {
        if (db.Database.Provider() == DatabaseProvider.PostgreSql)
        {
            await PostgreSqlSetup.MigrateAsync(db, ct);
            return;
        }
        // Most starts find nothing to apply. Asking what is pending reads the history table; Migrate would also build
        // the relational model and diff it against the last snapshot, a tenth of a start (SqliteSetupTests checks that
        // the model has no change without its migration). EF Core's migration lock on SQLite (__EFMigrationsLock) holds
        // for the whole migration, and a migration another instance applied meanwhile is no longer pending inside it.
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any()) await db.Database.MigrateAsync(ct);
        await SqliteSetup.UseWriteAheadLogAsync(db, ct);
        await SqliteSetup.CompletePlannerStatisticsAsync(db, ct);
    }

    /// <summary>
    /// On PostgreSQL, the database's collation when it is not C (ADR-025: create it with LC_COLLATE 'C'); null when it
    /// is, and always on SQLite, which compares by bytes.
    /// </summary>
    public static Task<string?> CollationOtherThanCAsync(PowRegistryDbContext db, CancellationToken ct) =>
        db.Database.Provider() == DatabaseProvider.PostgreSql ? PostgreSqlSetup.CollationOtherThanCAsync(db, ct) : Task.FromResult<string?>(null);

    /// <summary>The save broke a unique index on <paramref name="column"/> (someone saved the same value a moment earlier).</summary>
    public static bool IsUniqueViolation(Exception? error, string column) =>
        SqliteSetup.IsUniqueViolation(error, column) || PostgreSqlSetup.IsUniqueViolation(error, column);

    /// <summary>Keeps the connection open for a batch (an import's chunks); disposing closes it again.</summary>
    public static Task<IAsyncDisposable> OpenForBatchAsync(PowRegistryDbContext db, CancellationToken ct) =>
        db.Database.Provider() == DatabaseProvider.PostgreSql ? PostgreSqlSetup.OpenForBatchAsync(db, ct) : SqliteSetup.OpenForBatchAsync(db, ct);

    /// <summary>
    /// A consistent copy of the live database at <paramref name="path"/>, safe while the application writes: SQLite's
    /// VACUUM INTO (a database file), or PostgreSQL's dump (see <see cref="PostgreSqlSetup.BackupAsync"/>).
    /// </summary>
    public static Task BackupAsync(PowRegistryDbContext db, string path, CancellationToken ct) =>
        db.Database.Provider() == DatabaseProvider.PostgreSql ? PostgreSqlSetup.BackupAsync(db, path, ct) : SqliteSetup.BackupAsync(db, path, ct);

    /// <summary>The review's counts built again from the records, in one statement (<see cref="RegisterTallySql"/>).</summary>
    public static string RebuildTalliesSql(this DatabaseFacade database) =>
        RegisterTallySql.Rebuild(database.Provider());
}
