using System.Data.Common;
using System.Diagnostics;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

using Npgsql;

using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Benchmarks;

/// <param name="Group">The section of the report it belongs to (paging, filters, desks, search, cross-script search).</param>
/// <param name="Desks">Null: an administrator, who sees every desk. Otherwise a case officer of these desks.</param>
internal sealed record Scenario(string Group, string Name, RegisterQuery Query, int[]? Desks = null)
{
    public bool IsSearch => !string.IsNullOrWhiteSpace(Query.Search);
}

internal sealed record ScenarioResult(
    Scenario Scenario, int Runs, double First, double Median, double P95, double Max, int RowsOnPage, QueryWork Work, string Plan, CapturedQuery Sql);

/// <summary>
/// Times <see cref="RegisterService.ListAsync"/> as a page would call it: a new scope (a new DbContext, a pooled
/// connection) per call. The timed provider is the application's own registration; a second provider with a
/// capturing interceptor is used once per scenario to get the SQL, its plan and SQLite's step counters.
/// </summary>
internal sealed class RegisterBenchmark(
    IServiceProvider timed, IServiceProvider inspected, CaptureInterceptor capture, Func<DbConnection> openRaw, BenchmarkOptions options)
{
    public Task<RegisterPage> ListAsync(RegisterQuery query, int[]? desks = null) => ListAsync(new Scenario("", "", query, desks));

    public async Task<RegisterPage> ListAsync(Scenario scenario, IServiceProvider? provider = null)
    {
        await using var scope = SignedIn((provider ?? timed).CreateAsyncScope(), scenario.Desks);
        return await scope.ServiceProvider.GetRequiredService<RegisterService>().ListAsync(scenario.Query, CancellationToken.None);
    }

    /// <summary>A scope as the web layer leaves it for a signed-in user (CurrentUser starts as nobody, who sees nothing).</summary>
    public static AsyncServiceScope SignedIn(AsyncServiceScope scope, int[]? desks)
    {
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        if (desks is null) user.SignedIn("bench-administrator", isAdministrator: true, isAuditor: false, []);
        else user.SignedIn("bench-officer", isAdministrator: false, isAuditor: false, desks);
        return scope;
    }

    public async Task<ScenarioResult> MeasureAsync(Scenario scenario)
    {
        var first = Stopwatch.GetTimestamp();
        var page = await ListAsync(scenario);
        var firstMs = Stopwatch.GetElapsedTime(first).TotalMilliseconds;
        for (var i = 1; i < options.Warmup; i++) await ListAsync(scenario);

        var times = new List<double>(options.Repetitions);
        var budget = Stopwatch.StartNew();
        while (times.Count < options.Repetitions && (times.Count < 5 || budget.Elapsed < options.Budget))
        {
            var start = Stopwatch.GetTimestamp();
            page = await ListAsync(scenario);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        times.Sort();

        capture.Clear();
        await ListAsync(scenario, inspected);
        var sql = capture.Last ?? throw new InvalidOperationException("No query was captured.");
        using var opened = openRaw();
        // Every command of the call counts: the capped counts that choose the search's shape, then each page query.
        var commands = capture.All;
        var looked = opened switch
        {
            SqliteConnection sqlite => commands.Select(c => (Plan: QueryInspector.Plan(sqlite, c), Work: QueryInspector.Work(sqlite, c))).ToList(),
            NpgsqlConnection postgres => commands.Select(c => QueryInspector.Explain(postgres, c)).ToList(),
            _ => throw new NotSupportedException(opened.GetType().Name),
        };
        var plan = commands.Count == 1
            ? looked[0].Plan
            : string.Concat(looked.Select((c, i) => $"-- command {i + 1} of {commands.Count}: {c.Work.VmSteps:N0} {(opened is NpgsqlConnection ? "buffers" : "VM steps")}, {c.Work.Rows:N0} rows\n{c.Plan}"));
        var works = looked.Select(c => c.Work).ToList();
        var work = new QueryWork(works[^1].Rows, works.Sum(w => w.VmSteps), works.Sum(w => w.FullScanSteps), works.Sum(w => w.Sorts));
        return new ScenarioResult(scenario, times.Count, firstMs, Percentile(times, 0.50), Percentile(times, 0.95), times[^1],
            page.Rows.Count, work, plan, sql);
    }

    /// <summary>
    /// Calls the queries in turn, round after round, so that the machine's noise falls on all of them alike:
    /// the fairest way to compare a deep page with the first on a shared machine. Returns (median, p95) per query.
    /// </summary>
    public async Task<(double Median, double P95)[]> InTurnAsync(IReadOnlyList<RegisterQuery> queries, int rounds)
    {
        var times = queries.Select(_ => new List<double>(rounds)).ToArray();
        for (var round = -options.Warmup; round < rounds; round++)
        {
            for (var i = 0; i < queries.Count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await ListAsync(queries[i]);
                if (round >= 0) times[i].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        return [.. times.Select(t =>
        {
            t.Sort();
            return (Percentile(t, 0.50), Percentile(t, 0.95));
        })];
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
