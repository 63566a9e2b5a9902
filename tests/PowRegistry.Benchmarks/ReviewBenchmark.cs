using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Npgsql;

using PowRegistry.Core;
using PowRegistry.Core.Audit;
using PowRegistry.Core.Data;
using PowRegistry.Core.Data.Sqlite;
using PowRegistry.Core.Review;

namespace PowRegistry.Benchmarks;

/// <summary>
/// <c>--review</c>: times <see cref="ReviewService.FiguresAsync"/> (the administrators' review page) on the seeded
/// database, as an administrator and as a desk officer, one call at a time and from 16 callers at once; then every
/// SQL command it sends, each with its plan, SQLite's step counters and its own time.
/// </summary>
internal static class ReviewBenchmark
{
    private const int Callers = 16;

    public static async Task RunAsync(string connectionString, string rawConnectionString, BenchmarkOptions options)
    {
        var log = new CommandLog();
        await using var timed = Build(options.Provider, connectionString, null);
        await using var inspected = Build(options.Provider, connectionString, log);
        var invariant = CultureInfo.InvariantCulture;
        // A database seeded before the review's counts existed gets them here, as an upgraded installation would.
        var migrating = Stopwatch.StartNew();
        await using (var scope = RegisterBenchmark.SignedIn(timed.CreateAsyncScope(), null))
        {
            await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>(), CancellationToken.None);
        }
        Console.WriteLine(string.Create(invariant, $"Migrations checked and applied in {migrating.Elapsed.TotalSeconds:F1} s."));

        foreach (var (reader, desks) in new (string, int[]?)[] { ("administrator (all desks)", null), ("desk B officer", [2]) })
        {
            var first = Stopwatch.GetTimestamp();
            await FiguresAsync(timed, desks);
            var firstMs = Stopwatch.GetElapsedTime(first).TotalMilliseconds;
            for (var i = 1; i < options.Warmup; i++) await FiguresAsync(timed, desks);
            var times = new List<double>();
            var budget = Stopwatch.StartNew();
            while (times.Count < options.Repetitions && (times.Count < 5 || budget.Elapsed < options.Budget))
            {
                var start = Stopwatch.GetTimestamp();
                await FiguresAsync(timed, desks);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine(string.Create(invariant, $"Review, {reader}, one at a time: first {firstMs:F1} ms, median {Percentile(times, 0.5):F2} ms, p95 {Percentile(times, 0.95):F2} ms, max {times[^1]:F2} ms ({times.Count} calls)"));
        }

        // 16 callers at once, each calling in a loop, as 16 connections of a load test would.
        var perCaller = Math.Max(5, options.Repetitions);
        var all = new ConcurrentBag<double>();
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            for (var i = 0; i < perCaller; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await FiguresAsync(timed, caller % 4 == 3 ? [2] : null);
                all.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (wall.Elapsed > options.Budget * 2) break;
            }
        })));
        var sorted = all.Order().ToList();
        Console.WriteLine(string.Create(invariant, $"Review, {Callers} callers at once (one in four a desk officer): {sorted.Count} calls in {wall.Elapsed.TotalSeconds:F1} s " +
            $"({sorted.Count / wall.Elapsed.TotalSeconds:F0}/s), median {Percentile(sorted, 0.5):F2} ms, p99 {Percentile(sorted, 0.99):F2} ms, max {sorted[^1]:F2} ms"));

        // Each command, alone, on a raw connection.
        foreach (var (reader, desks) in new (string, int[]?)[] { ("administrator", null), ("desk B officer", [2]) })
        {
            log.Commands.Clear();
            await FiguresAsync(inspected, desks);
            Console.WriteLine();
            Console.WriteLine($"Commands FiguresAsync sends for the {reader}:");
            if (options.Provider == DatabaseProvider.PostgreSql)
            {
                // PostgreSQL: EXPLAIN (ANALYZE, BUFFERS) runs each command and reports its own execution time.
                using var postgres = new NpgsqlConnection(rawConnectionString);
                postgres.Open();
                foreach (var command in log.Commands.ToList())
                {
                    QueryInspector.Explain(postgres, command);
                    var (plan, work) = QueryInspector.Explain(postgres, command);
                    Console.WriteLine(string.Create(invariant, $"--- {work.Rows} rows, {work.VmSteps:N0} buffers, {work.FullScanSteps} seq scans, {work.Sorts} sorts"));
                    Console.WriteLine(command.Sql.Length > 400 ? command.Sql[..400] + " ..." : command.Sql);
                    Console.Write(plan);
                }
                continue;
            }
            using var connection = new SqliteConnection(rawConnectionString);
            connection.Open();
            foreach (var command in log.Commands.ToList())
            {
                var work = QueryInspector.Work(connection, command);
                var times = new List<double>();
                for (var i = 0; i < 5; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    QueryInspector.Work(connection, command);
                    times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                times.Sort();
                Console.WriteLine(string.Create(invariant, $"--- median {Percentile(times, 0.5):F2} ms, {work.Rows} rows, {work.VmSteps:N0} VM steps, {work.FullScanSteps:N0} full-scan steps, {work.Sorts} sorts"));
                Console.WriteLine(command.Sql.Length > 400 ? command.Sql[..400] + " ..." : command.Sql);
                Console.Write(QueryInspector.Plan(connection, command));
            }
        }
    }

    private static async Task FiguresAsync(IServiceProvider provider, int[]? desks)
    {
        await using var scope = RegisterBenchmark.SignedIn(provider.CreateAsyncScope(), desks);
        await scope.ServiceProvider.GetRequiredService<ReviewService>().FiguresAsync(CancellationToken.None);
    }

    private static ServiceProvider Build(DatabaseProvider provider, string connectionString, IInterceptor? interceptor)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddPowRegistryServices();
        services.AddSingleton(AuditKey.Random());
        if (interceptor is null) services.AddPowRegistryDatabase(provider, connectionString);
        else services.AddPowRegistryDatabase(provider, connectionString, interceptor);
        return services.BuildServiceProvider();
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Every reader command EF runs, in order.</summary>
    private sealed class CommandLog : DbCommandInterceptor
    {
        public List<CapturedQuery> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(new CapturedQuery(command.CommandText,
                [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, Bindable(p.Value)))],
                command is NpgsqlCommand npgsql ? [.. npgsql.Parameters.Select(p => p.Clone())] : null));
            return ValueTask.FromResult(result);
        }

        /// <summary>As SQLite stores it (dates as ISO text), for <see cref="QueryInspector"/>, which binds text and numbers.</summary>
        private static object? Bindable(object? value) => value switch
        {
            DBNull => null,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => value,
        };
    }
}
