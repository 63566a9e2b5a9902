using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using PowRegistry.Benchmarks;
using PowRegistry.Core;
using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;

if (BenchmarkOptions.WantsHelp(args))
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

var invariant = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = invariant;
var connectionString = SqliteSetup.ResolveConnectionString($"Data Source={options.DatabasePath}", Environment.CurrentDirectory);
// Raw connections (seeding, counting, plans) are not pooled, so their pragmas never reach the timed connections.
var rawConnectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
var capture = new CaptureInterceptor();
await using var timed = BuildServices(null);
await using var inspected = BuildServices(capture);

Console.WriteLine($"PowRegistry register benchmark: {options.Count:N0} prisoners, database {options.DatabasePath}");
string seeding;
if (options.Reuse && File.Exists(options.DatabasePath) && Scalar<long>("SELECT COUNT(*) FROM Prisoners") == options.Count)
{
    seeding = "not measured (--reuse)";
    Console.WriteLine("Reusing the existing database.");
}
else
{
    foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(options.DatabasePath + suffix);
    var migrating = Stopwatch.StartNew();
    await using (var scope = RegisterBenchmark.SignedIn(timed.CreateAsyncScope(), null))
    {
        await DatabaseStartup.MigrateAsync(scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>(), CancellationToken.None);
    }
    SqliteConnection.ClearAllPools();
    Console.WriteLine($"Migrated in {migrating.Elapsed.TotalSeconds:F1} s. Seeding ...");
    var seeder = new RegisterSeeder(rawConnectionString, options.Count, options.BatchSize);
    var elapsed = seeder.Seed(Console.WriteLine);
    seeding = $"{elapsed.TotalSeconds:F0} s ({elapsed:m\\:ss}) for {options.Count:N0} prisoners, {seeder.AliasCount:N0} aliases " +
              $"and {seeder.TermCount:N0} search terms, ANALYZE included ({options.Count / elapsed.TotalSeconds:N0} prisoners/s)";
    Console.WriteLine($"Seeded: {seeding}");
}

var prisoners = Scalar<long>("SELECT COUNT(*) FROM Prisoners");
var aliases = Scalar<long>("SELECT COUNT(*) FROM PrisonerAliases");
var terms = Scalar<long>("SELECT COUNT(*) FROM PrisonerSearchTerms");
var sqliteVersion = Scalar<string>("SELECT sqlite_version()");
var stat4 = Scalar<long>("SELECT COUNT(*) FROM pragma_compile_options WHERE compile_options = 'ENABLE_STAT4'") > 0;
var size = FileSize(options.DatabasePath) + FileSize(options.DatabasePath + "-wal");

// The seeded rows must be what the application itself would have written: load a sample through the service.
var aliasOwner = (int)Scalar<long>("SELECT COALESCE(MIN(PrisonerId), 1) FROM PrisonerAliases");
foreach (var id in new[] { 1, options.Count / 2, options.Count, aliasOwner }) await CheckSampleAsync(id);
Console.WriteLine("Sample rows read back through PrisonerService match the entity's own sort keys and search terms.");

var benchmark = new RegisterBenchmark(timed, inspected, capture, rawConnectionString, options);
var deep = options.Count / 10;
var far = options.Count / 10 * 9;
var deepByReference = CursorAt("Reference", deep);
var farByReference = CursorAt("Reference", far);
var deepByName = CursorAt("SortName", deep);
var rareName = Scalar<string>(
    $"SELECT FamilyName || ' ' || GivenNames FROM Prisoners WHERE FamilyName IN ({string.Join(", ", FictionalNames.RareFamilies.Select(f => $"'{f}'"))}) " +
    "UNION ALL SELECT FamilyName || ' ' || GivenNames FROM Prisoners WHERE Id = 1 LIMIT 1");
var serviceNumber = Scalar<string>($"SELECT ServiceNumber FROM Prisoners WHERE Id >= {options.Count / 2} AND ServiceNumber IS NOT NULL ORDER BY Id LIMIT 1");
var reference = Scalar<string>($"SELECT Reference FROM Prisoners WHERE Id = {(options.Count / 3) + 7}");
var rowDeep = deep.ToString("N0", invariant);
var pageDeep = ((deep / RegisterQuery.DefaultPageSize) + 1).ToString("N0", invariant);

var firstPage = new Scenario("First page, default sort (reference)", new RegisterQuery());
var deepPage = new Scenario($"Page {pageDeep} (after row {rowDeep}), default sort", new RegisterQuery { After = deepByReference.Encode() });
var russian = new Scenario("Filter nationality = RU (5 %)", new RegisterQuery { Nationality = "RU" });
var inCustody = new Scenario("Filter status = in custody (70 %)", new RegisterQuery { Status = CustodyStatus.InCustody });
var escaped = new Scenario("Filter status = escaped (0.5 %)", new RegisterQuery { Status = CustodyStatus.Escaped });
var inCustodyDeep = new Scenario($"Filter status = in custody, after row {rowDeep}", new RegisterQuery { Status = CustodyStatus.InCustody, After = deepByReference.Encode() });
var kim = new Scenario("Search \"kim\" (common prefix)", new RegisterQuery { Search = "kim" });
var rare = new Scenario($"Search a rare full name \"{rareName}\"", new RegisterQuery { Search = rareName });
var kimChol = new Scenario("Search two words \"kim chol\"", new RegisterQuery { Search = "kim chol" });
var pow = new Scenario("Search \"pow\" (every record has the term)", new RegisterQuery { Search = "pow" });
int[] deskB = [2], deskD = [4], deskE = [5];
var officerFirst = new Scenario("Desk B officer (25 % of records): first page", new RegisterQuery(), deskB);
var smallDeskFirst = new Scenario("Desk D officer (5 % of records): first page", new RegisterQuery(), deskD);
var emptyDeskFirst = new Scenario("Desk E officer (new desk, no records yet): first page", new RegisterQuery(), deskE);
Scenario[] scenarios =
[
    firstPage,
    new("First page, sorted by name", new RegisterQuery { Sort = RegisterSort.Name }),
    new("First page, by date of capture, newest first", new RegisterQuery { Sort = RegisterSort.DateOfCapture, Descending = true }),
    deepPage,
    new($"Page {((far / RegisterQuery.DefaultPageSize) + 1):N0} (after row {far:N0}), default sort", new RegisterQuery { After = farByReference.Encode() }),
    new($"Page {pageDeep} (after row {rowDeep}), sorted by name", new RegisterQuery { Sort = RegisterSort.Name, After = deepByName.Encode() }),
    new($"Backwards: the page before row {rowDeep}, default sort", new RegisterQuery { Before = deepByReference.Encode() }),
    russian,
    inCustody,
    escaped,
    new("Filter nationality = CN (no records)", new RegisterQuery { Nationality = "CN" }),
    inCustodyDeep,
    kim,
    rare,
    kimChol,
    new($"Search a service number \"{serviceNumber}\"", new RegisterQuery { Search = serviceNumber }),
    new($"Search a reference \"{reference}\"", new RegisterQuery { Search = reference }),
    pow,
    new($"Search \"kim\", after row {rowDeep}", new RegisterQuery { Search = "kim", After = deepByReference.Encode() }),
    new("Search \"kim\" + status = escaped", new RegisterQuery { Search = "kim", Status = CustodyStatus.Escaped }),
    new("Search \"ri\" + status = hospitalised, sorted by name", new RegisterQuery { Search = "ri", Status = CustodyStatus.Hospitalised, Sort = RegisterSort.Name }),
    officerFirst,
    new($"Desk B officer: page after row {rowDeep}", new RegisterQuery { After = deepByReference.Encode() }, deskB),
    new("Desk B officer: sorted by name", new RegisterQuery { Sort = RegisterSort.Name }, deskB),
    smallDeskFirst,
    emptyDeskFirst,
    new("Desk B officer: search \"kim\"", new RegisterQuery { Search = "kim" }, deskB),
    new($"Desk B officer: search a rare full name \"{rareName}\"", new RegisterQuery { Search = rareName }, deskB),
];

await CheckPagingAsync();

// The runtime compiles hot code again, optimised, after some calls (tiered JIT). Without this pass the first
// scenarios would be timed partly in unoptimised code, while the JIT competes for the two cores.
var warming = Stopwatch.StartNew();
for (var round = 0; round < 2; round++)
{
    foreach (var scenario in scenarios) await benchmark.ListAsync(scenario);
}
for (var i = 0; i < 300; i++)
{
    foreach (var scenario in scenarios.Where(s => s.Desks is null && s.Name.Contains("page", StringComparison.OrdinalIgnoreCase))) await benchmark.ListAsync(scenario);
}
await Task.Delay(TimeSpan.FromSeconds(2));
Console.WriteLine($"Warmed up in {warming.Elapsed.TotalSeconds:F0} s.");

var results = new List<ScenarioResult>();
foreach (var scenario in scenarios)
{
    var result = await benchmark.MeasureAsync(scenario);
    results.Add(result);
    Console.WriteLine($"{scenario.Name,-62} median {result.Median,8:F2} ms  p95 {result.P95,8:F2} ms  " +
                      $"({result.Runs} runs, {result.RowsOnPage} rows, {result.Work.VmSteps:N0} VM steps)");
}

const int rounds = 200;
var farPage = scenarios[4];
var inTurn = await benchmark.InTurnAsync([firstPage.Query, deepPage.Query, farPage.Query], rounds);
Console.WriteLine($"In turn, {rounds} rounds: first page {inTurn[0].Median:F2} ms, {deepPage.Name} {inTurn[1].Median:F2} ms, {farPage.Name} {inTurn[2].Median:F2} ms");

var comparisons = Compare();
var report = Report();
Console.WriteLine();
Console.WriteLine(report);
if (options.ReportPath is { } reportPath) await File.WriteAllTextAsync(reportPath, report);
return 0;

ServiceProvider BuildServices(CaptureInterceptor? interceptor)
{
    var services = new ServiceCollection();
    services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
    services.AddPowRegistryServices();
    services.AddSingleton(AuditKey.Random());
    if (interceptor is null)
    {
        services.AddPowRegistryDatabase(connectionString);
    }
    else
    {
        services.AddDbContext<PowRegistryDbContext>(o => SqliteSetup.Configure(o.AddInterceptors(interceptor), connectionString));
    }
    return services.BuildServiceProvider();
}

static long FileSize(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

T Scalar<T>(string sql)
{
    using var connection = new SqliteConnection(rawConnectionString);
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), invariant);
}

/// <summary>The cursor of the row at a 1-based position in (key, Id) order, found directly rather than by paging.</summary>
RegisterCursor CursorAt(string column, int position)
{
    using var connection = new SqliteConnection(rawConnectionString);
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = $"SELECT {column}, Id FROM Prisoners ORDER BY {column}, Id LIMIT 1 OFFSET {position - 1}";
    using var reader = command.ExecuteReader();
    reader.Read();
    return new RegisterCursor(reader.GetString(0), reader.GetInt32(1));
}

int IdAt(string column, int position) => CursorAt(column, position).Id;

async Task CheckSampleAsync(int id)
{
    await using var scope = RegisterBenchmark.SignedIn(timed.CreateAsyncScope(), null);
    var prisoner = await scope.ServiceProvider.GetRequiredService<PrisonerService>().GetAsync(id, CancellationToken.None)
                   ?? throw new InvalidOperationException($"Prisoner {id} is missing.");
    var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
    var stored = await db.PrisonerSearchTerms.Where(t => t.PrisonerId == id).Select(t => t.Term).ToListAsync();
    var captureKey = prisoner.DateOfCapture?.ToString("yyyy-MM-dd", invariant) ?? "";
    if (!stored.ToHashSet().SetEquals((IEnumerable<string>)prisoner.SearchTerms())
        || prisoner.SortName != Text.Fold(prisoner.DisplayName)
        || prisoner.CaptureSortKey != captureKey
        || prisoner.Reference != $"POW-2025-{id:D6}")
    {
        throw new InvalidOperationException($"Seeded prisoner {id} differs from what the entity would store.");
    }
}

/// <summary>The deep pages must be the right rows, or their timings mean nothing.</summary>
async Task CheckPagingAsync()
{
    if ((await benchmark.ListAsync(new RegisterQuery())).Rows.Count == 0)
    {
        throw new InvalidOperationException(
            "The register list returned no rows. If ListAsync now depends on who is asking (desks, roles), give BuildServices a user who sees every record.");
    }
    var page = await benchmark.ListAsync(new RegisterQuery { After = deepByReference.Encode() });
    var next = await benchmark.ListAsync(new RegisterQuery { After = page.NextCursor });
    var back = await benchmark.ListAsync(new RegisterQuery { Before = deepByReference.Encode() });
    var byName = await benchmark.ListAsync(new RegisterQuery { Sort = RegisterSort.Name, After = deepByName.Encode() });
    var size = RegisterQuery.DefaultPageSize;
    var ok = page.Rows[0].Id == IdAt("Reference", deep + 1)
             && next.Rows[0].Id == IdAt("Reference", deep + size + 1)
             && back.Rows[0].Id == IdAt("Reference", deep - size)
             && back.Rows[^1].Id == IdAt("Reference", deep - 1)
             && byName.Rows[0].Id == IdAt("SortName", deep + 1);
    if (!ok) throw new InvalidOperationException("A deep page did not return the rows at its position.");
    Console.WriteLine($"Deep pages checked: after row {deep:N0}, the page after that (by NextCursor), the page before it, and by name.");
}

ScenarioResult Result(Scenario scenario) => results.First(r => r.Scenario == scenario);

/// <summary>The same SQL with one change each, timed side by side (see <see cref="WhatIf"/>).</summary>
List<Comparison> Compare()
{
    Console.WriteLine("What-if comparisons ...");
    var list = new List<Comparison>();
    const string existsChange = "each search word as EXISTS on the (PrisonerId, Term) key instead of IN (SELECT ...)";
    foreach (var scenario in new[] { kim, pow, kimChol, rare })
    {
        var sql = Result(scenario).Sql;
        list.Add(new Comparison(scenario.Name, existsChange,
            WhatIf.Time(rawConnectionString, sql, options.Repetitions),
            WhatIf.Time(rawConnectionString, WhatIf.ExistsInsteadOfIn(sql), options.Repetitions)));
    }

    const string idChange = "default order by Id instead of by the Reference text";
    foreach (var scenario in new[] { russian, inCustody, kim, pow })
    {
        var sql = Result(scenario).Sql;
        list.Add(new Comparison(scenario.Name, idChange,
            WhatIf.Time(rawConnectionString, sql, options.Repetitions),
            WhatIf.Time(rawConnectionString, WhatIf.OrderById(sql), options.Repetitions)));
    }

    const string deskChange = "desk filter as a plain DeskId test (no \"@SeesAllDesks OR\")";
    foreach (var scenario in new[] { officerFirst, smallDeskFirst, emptyDeskFirst })
    {
        var sql = Result(scenario).Sql;
        var before = WhatIf.Time(rawConnectionString, sql, options.Repetitions);
        list.Add(new Comparison(scenario.Name, deskChange, before, WhatIf.Time(rawConnectionString, WhatIf.DeskWithoutOr(sql), options.Repetitions)));
        list.Add(new Comparison(scenario.Name, deskChange + " and default order by Id", before,
            WhatIf.Time(rawConnectionString, WhatIf.OrderById(WhatIf.DeskWithoutOr(sql)), options.Repetitions)));
    }

    var filtered = new[] { inCustody, escaped, inCustodyDeep };
    var beforeIndex = filtered.Select(f => WhatIf.Time(rawConnectionString, Result(f).Sql, options.Repetitions)).ToList();
    WhatIf.Execute(rawConnectionString, "CREATE INDEX WhatIf_Prisoners_CustodyStatus_Reference ON Prisoners (CustodyStatus, Reference); ANALYZE WhatIf_Prisoners_CustodyStatus_Reference;");
    try
    {
        for (var i = 0; i < filtered.Length; i++)
        {
            list.Add(new Comparison(filtered[i].Name, "an extra index (CustodyStatus, Reference)",
                beforeIndex[i], WhatIf.Time(rawConnectionString, Result(filtered[i]).Sql, options.Repetitions)));
        }
    }
    finally
    {
        WhatIf.Execute(rawConnectionString, "DROP INDEX WhatIf_Prisoners_CustodyStatus_Reference;");
    }
    return list;
}

/// <summary>How many prisoners the scenario's filters and search words match (the page shows the first 50).</summary>
long Matching(Scenario scenario)
{
    var query = scenario.Query;
    using var connection = new SqliteConnection(rawConnectionString);
    connection.Open();
    using var command = connection.CreateCommand();
    var where = new List<string> { "MergedIntoId IS NULL" };
    if (scenario.Desks is { } desks) where.Add($"DeskId IN ({string.Join(", ", desks)})");
    if (query.Status is { } status)
    {
        where.Add("CustodyStatus = $status");
        command.Parameters.AddWithValue("$status", (int)status);
    }
    if (query.Nationality is { } nationality)
    {
        where.Add("NationalityCode = $nationality");
        command.Parameters.AddWithValue("$nationality", nationality);
    }
    var words = SearchText.QueryWords(query.Search);
    for (var i = 0; i < words.Count; i++)
    {
        where.Add($"Id IN (SELECT PrisonerId FROM PrisonerSearchTerms WHERE Term >= $w{i} AND Term < $u{i})");
        command.Parameters.AddWithValue($"$w{i}", words[i]);
        command.Parameters.AddWithValue($"$u{i}", SearchText.PrefixUpperBound(words[i]));
    }
    command.CommandText = $"SELECT COUNT(*) FROM Prisoners WHERE {string.Join(" AND ", where)}";
    return (long)command.ExecuteScalar()!;
}

string Report()
{
    var cpu = File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        : null;
    var text = new StringBuilder();
    text.AppendLine(invariant, $"- Prisoners: {prisoners:N0}; aliases: {aliases:N0}; search terms: {terms:N0}");
    text.AppendLine(invariant, $"- Database on disk: {size / 1024.0 / 1024.0:N0} MiB (after ANALYZE and a WAL checkpoint)");
    text.AppendLine(invariant, $"- Seeding: {seeding}");
    text.AppendLine(invariant, $"- Machine: {Environment.ProcessorCount} logical CPUs ({cpu ?? "unknown CPU"}), {RuntimeInformation.OSDescription}; .NET {Environment.Version}; SQLite {sqliteVersion} (Microsoft.Data.Sqlite's bundled build, {(stat4 ? "with" : "without")} STAT4)");
    text.AppendLine(invariant, $"- Desks: {string.Join(", ", RegisterSeeder.Desks.Select(d => $"{d.Name} {d.Percent} %"))}. Scenarios run as an administrator (sees every desk) unless they name a desk officer");
    text.AppendLine(invariant, $"- Before timing: every scenario twice and the paging scenarios 300 times each, so the JIT has finished optimising");
    text.AppendLine(invariant, $"- Each scenario: {options.Warmup} untimed calls, then up to {options.Repetitions} timed calls of `PrisonerService.ListAsync` (page size {RegisterQuery.DefaultPageSize}), each in a new DI scope");
    text.AppendLine();
    text.AppendLine("| Scenario | Matching records | Rows on page | Median ms | p95 ms | First call ms | SQLite VM steps | Full-scan steps | Sorts |");
    text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var r in results)
    {
        text.AppendLine(invariant,
            $"| {r.Scenario.Name} | {Matching(r.Scenario):N0} | {r.RowsOnPage} | {r.Median:F2} | {r.P95:F2} | {r.First:F1} | {r.Work.VmSteps:N0} | {r.Work.FullScanSteps:N0} | {r.Work.Sorts} |");
    }
    text.AppendLine();
    text.AppendLine(invariant,
        $"Deep pages against the first, called in turn ({rounds} rounds of the three, after {options.Warmup} untimed rounds), median / p95 ms: " +
        $"first page {inTurn[0].Median:F2} / {inTurn[0].P95:F2}; {deepPage.Name.ToLowerInvariant()} {inTurn[1].Median:F2} / {inTurn[1].P95:F2} " +
        $"({inTurn[1].Median / inTurn[0].Median:F2} × the first); {farPage.Name.ToLowerInvariant()} {inTurn[2].Median:F2} / {inTurn[2].P95:F2} " +
        $"({inTurn[2].Median / inTurn[0].Median:F2} ×).");
    text.AppendLine();
    text.AppendLine("Query plans (EXPLAIN QUERY PLAN of the SQL EF sent, with the same parameter values):");
    foreach (var r in results)
    {
        text.AppendLine();
        text.AppendLine(invariant, $"{r.Scenario.Name}:");
        text.AppendLine("```");
        text.Append(r.Plan);
        text.AppendLine("```");
    }
    text.AppendLine();
    text.AppendLine("What if (raw SQL, same parameters, median of up to the same number of runs; before and after measured the same way):");
    text.AppendLine();
    text.AppendLine("| Scenario | Change | Before ms | Before VM steps | After ms | After VM steps |");
    text.AppendLine("|---|---|---:|---:|---:|---:|");
    foreach (var c in comparisons)
    {
        text.AppendLine(invariant, $"| {c.Name} | {c.Change} | {c.Before.Median:F2} | {c.Before.Work.VmSteps:N0} | {c.After.Median:F2} | {c.After.Work.VmSteps:N0} |");
    }
    foreach (var c in comparisons)
    {
        text.AppendLine();
        text.AppendLine(invariant, $"{c.Name}, with {c.Change}:");
        text.AppendLine("```");
        text.Append(c.After.Plan);
        text.AppendLine("```");
    }
    if (prisoners >= 1_000_000)
    {
        var position = Scalar<long>("SELECT COUNT(*) + 1 FROM Prisoners WHERE Reference < (SELECT Reference FROM Prisoners WHERE Id = 1000000)");
        text.AppendLine();
        text.AppendLine(invariant, $"Reference order: prisoner 1,000,000 (reference POW-2025-1000000, seven digits) sorts at position {position:N0} of the default order, not last.");
    }
    foreach (var r in new[] { Result(deepPage), Result(kim), Result(officerFirst) })
    {
        text.AppendLine();
        text.AppendLine(invariant, $"SQL for \"{r.Scenario.Name}\" ({string.Join(", ", r.Sql.Parameters.Select(p => $"{p.Name} = {p.Value}"))}):");
        text.AppendLine("```sql");
        text.AppendLine(r.Sql.Sql);
        text.AppendLine("```");
    }
    return text.ToString();
}
