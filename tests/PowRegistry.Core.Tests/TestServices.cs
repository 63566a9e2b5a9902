using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

using PowRegistry.Core;
using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Data.Sqlite;

namespace PowRegistry.Core.Tests;

/// <summary>
/// The service layer over its own SQLite file with the real migrations applied. Each test class gets a
/// fresh database, so tests never share rows. The clock is fake and starts at <see cref="Now"/>.
/// </summary>
public class TestServices : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly Actor Officer = new("officer-1");
    public static readonly Actor OtherOfficer = new("officer-2");

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"powregistry-core-{Guid.NewGuid():N}.db");
    private ServiceProvider _provider = null!;

    public FakeTimeProvider Clock { get; } = new(Now);
    public AuditKey AuditKey { get; } = AuditKey.Random();
    /// <summary>The root container (singletons such as the access log).</summary>
    public IServiceProvider Root => _provider;

    /// <summary>This class's own database: a SQLite file, or a PostgreSQL database on the second pass (<see cref="TestDatabase"/>).</summary>
    public string ConnectionString => _connectionString ??= TestDatabase.IsPostgreSql
        ? TestDatabase.NewConnectionString(_path)
        : SqliteSetup.ResolveConnectionString(TestDatabase.NewConnectionString(_path), Path.GetTempPath());

    private string? _connectionString;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        ConfigureServices(services);
        services.AddPowRegistryServices();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddPowRegistryDatabase(TestDatabase.Provider, ConnectionString);
        services.AddSingleton(AuditKey);
        _provider = services.BuildServiceProvider();
        await using var scope = Scope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>(), CancellationToken.None);
        await SeedAsync();
    }

    /// <summary>Registrations that take precedence over the defaults (e.g. settings a test class needs).</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    /// <summary>Rows a test class shares, written once per class (xunit makes a new test object per test).</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    /// <summary>A new scope (a new DbContext), as a new web request would have, acting as the system (sees every desk).</summary>
    public AsyncServiceScope Scope()
    {
        var scope = _provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        return scope;
    }

    /// <summary>A scope acting as a signed-in user with the given role and desks.</summary>
    public AsyncServiceScope ScopeAs(string userId, bool administrator = false, bool auditor = false, params int[] deskIds)
    {
        var scope = _provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SignedIn(userId, administrator, auditor, deskIds);
        return scope;
    }

    /// <summary>
    /// Raw SQL on this class's database through a connection of its own, on whichever store this pass runs: for tests
    /// that act as someone holding the database. Parameters are named <c>@name</c>, which both providers take.
    /// </summary>
    public async Task<int> ExecuteRawAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var db = NewDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>A DbContext of its own, with extra interceptors (to count or interfere with commands).</summary>
    public PowRegistryDbContext NewDbContext(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        var system = new CurrentUser();
        system.ActAsSystem();
        return new PowRegistryDbContext(OwnOptions().AddInterceptors(interceptors).Options).For(system, AuditKey, Clock);
    }

    /// <summary>A DbContext of its own acting for <paramref name="user"/>, keeping EF Core's query caches in <paramref name="cache"/> (to see what EF Core keeps).</summary>
    public PowRegistryDbContext NewDbContext(CurrentUser user, Microsoft.Extensions.Caching.Memory.IMemoryCache cache, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) =>
        new PowRegistryDbContext(OwnOptions().UseMemoryCache(cache).AddInterceptors(interceptors).Options).For(user, AuditKey, Clock);

    private Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<PowRegistryDbContext> OwnOptions()
    {
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<PowRegistryDbContext>();
        DatabaseSetup.Configure(options, TestDatabase.Provider, ConnectionString);
        return options;
    }

    public async Task<T> Run<TService, T>(Func<TService, Task<T>> action) where TService : notnull
    {
        await using var scope = Scope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        if (_connectionString is not null) TestDatabase.ClearSqlitePool(_connectionString);
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_path + suffix);
    }
}
