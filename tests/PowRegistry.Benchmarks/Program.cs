using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Npgsql;

using PowRegistry.Benchmarks;
using PowRegistry.Core;
using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Data.Sqlite;
using PowRegistry.Core.Prisoners;

if (ImportCsvWriter.TryRun(args) is { } wroteCsv) return wroteCsv;
if (ScalarQuery.TryRun(args) is { } scalar) return scalar;

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
var provider = options.Provider;
var postgres = provider == DatabaseProvider.PostgreSql;
var connectionString = postgres
    ? options.Connection!
    : SqliteSetup.ResolveConnectionString($"Data Source={options.DatabasePath}", Environment.CurrentDirectory);
// Raw connections (seeding, counting, plans) are not pooled, so their pragmas never reach the timed connections.
// PostgreSQL's may take minutes (COPY, VACUUM ANALYZE of a million records): no command timeout.
var rawConnectionString = postgres
    ? new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, CommandTimeout = 0 }.ToString()
    : new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
var location = postgres ? $"PostgreSQL database {new NpgsqlConnectionStringBuilder(connectionString).Database} on {new NpgsqlConnectionStringBuilder(connectionString).Host}" : $"database {options.DatabasePath}";
var capture = new CaptureInterceptor();
await using var timed = BuildServices(null);
await using var inspected = BuildServices(capture);

Console.WriteLine($"PowRegistry register benchmark: {options.Count:N0} prisoners, {location}");
string seeding;
var styles = "not known (--reuse)";
if (options.Reuse && (postgres || File.Exists(options.DatabasePath)) && ScalarOrNull("SELECT COUNT(*) FROM \"Prisoners\"", missingTableIsNull: true) is { } existing
    && Convert.ToInt64(existing, invariant) == options.Count)
{
    seeding = "not measured (--reuse)";
    // Bring its schema up to date (new indexes), as the application does at start.
    await using (var scope = RegisterBenchmark.SignedIn(timed.CreateAsyncScope(), null))
    {
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>(), CancellationToken.None);
    }
    ClearPools();
    Execute(postgres ? "VACUUM (ANALYZE);" : "ANALYZE;");
    Console.WriteLine("Reusing the existing database (migrated, analysed).");
}
else
{
    if (postgres) Execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    else foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(options.DatabasePath + suffix);
    var migrating = Stopwatch.StartNew();
    await using (var scope = RegisterBenchmark.SignedIn(timed.CreateAsyncScope(), null))
    {
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>(), CancellationToken.None);
    }
    ClearPools();
    Console.WriteLine($"Migrated in {migrating.Elapsed.TotalSeconds:F1} s. Seeding ...");
    var seeder = new RegisterSeeder(provider, rawConnectionString, options.Count, options.BatchSize);
    var elapsed = seeder.Seed(Console.WriteLine);
    seeding = $"{elapsed.TotalSeconds:F0} s ({elapsed:m\\:ss}) for {options.Count:N0} prisoners, {seeder.AliasCount:N0} aliases " +
              $"and {seeder.TermCount:N0} search terms ({seeder.NameKeyCount:N0} of them name keys), {(postgres ? "VACUUM ANALYZE" : "ANALYZE")} included ({options.Count / elapsed.TotalSeconds:N0} prisoners/s)";
    styles = string.Join(", ", seeder.StyleCounts.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value:N0}"));
    Console.WriteLine($"Seeded: {seeding}");
    Console.WriteLine($"Names: {styles}");
    // One parseable line for the scripts that compare with the seeder (tests/PowRegistry.Benchmarks/*.sh).
    Console.WriteLine($"seeded {options.Count} prisoners in {elapsed.TotalSeconds.ToString("F1", invariant)} s");
}
if (options.SeedOnly) return 0;

if (options.Review)
{
    await ReviewBenchmark.RunAsync(connectionString, rawConnectionString, options);
    return 0;
}

var prisoners = Scalar<long>("SELECT COUNT(*) FROM \"Prisoners\"");
var aliases = Scalar<long>("SELECT COUNT(*) FROM \"PrisonerAliases\"");
var terms = Scalar<long>("SELECT COUNT(*) FROM \"PrisonerSearchTerms\"");
var nameKeys = Scalar<long>("SELECT COUNT(*) FROM \"PrisonerSearchTerms\" WHERE \"Kind\" = 1");
var store = postgres
    ? $"{Scalar<string>("SELECT version()")}; database collation {Scalar<string>("SELECT datcollate FROM pg_database WHERE datname = current_database()")}; " +
      $"shared_buffers {Scalar<string>("SHOW shared_buffers")}, work_mem {Scalar<string>("SHOW work_mem")}, random_page_cost {Scalar<string>("SHOW random_page_cost")}, jit {Scalar<string>("SHOW jit")}"
    : $"SQLite {Scalar<string>("SELECT sqlite_version()")} (Microsoft.Data.Sqlite's bundled build, " +
      $"{(Scalar<long>("SELECT COUNT(*) FROM pragma_compile_options WHERE compile_options = 'ENABLE_STAT4'") > 0 ? "with" : "without")} STAT4)";
var size = postgres ? Scalar<long>("SELECT pg_database_size(current_database())") : FileSize(options.DatabasePath) + FileSize(options.DatabasePath + "-wal");
// The first character's code point, to tell the script a name was entered in.
var firstCodePoint = postgres ? "ascii" : "unicode";

// The seeded rows must be what the application itself would have written: load a sample through the service,
// at least one of every way of writing a name (Hangul, Cyrillic, breves, Russian in Cyrillic, with an alias).
var samples = new SortedSet<int>(Enumerable.Range(0, 101).Select(i => Math.Max(1, (int)((long)options.Count * i / 100))));
foreach (var sql in new[]
{
    "SELECT MIN(\"PrisonerId\") FROM \"PrisonerAliases\"",
    $"SELECT MIN(\"Id\") FROM \"Prisoners\" WHERE {firstCodePoint}(\"FamilyName\") BETWEEN 44032 AND 55203",
    $"SELECT MIN(\"Id\") FROM \"Prisoners\" WHERE {firstCodePoint}(\"FamilyName\") BETWEEN 44032 AND 55203 AND \"Id\" IN (SELECT \"PrisonerId\" FROM \"PrisonerAliases\")",
    $"SELECT MIN(\"Id\") FROM \"Prisoners\" WHERE {firstCodePoint}(\"FamilyName\") BETWEEN 1024 AND 1279 AND \"NationalityCode\" = 'KP'",
    $"SELECT MIN(\"Id\") FROM \"Prisoners\" WHERE {firstCodePoint}(\"FamilyName\") BETWEEN 1024 AND 1279 AND \"NationalityCode\" = 'RU'",
    "SELECT MIN(\"Id\") FROM \"Prisoners\" WHERE \"GivenNames\" LIKE '%ŏ%' OR \"GivenNames\" LIKE '%''%'",
})
{
    if (ScalarOrNull(sql) is { } id) samples.Add(Convert.ToInt32(id, invariant));
}
foreach (var id in samples) await CheckSampleAsync(id);
Console.WriteLine($"{samples.Count} sample records read back through PrisonerService match the entity's own sort keys and search terms (words and name keys).");

var benchmark = new RegisterBenchmark(timed, inspected, capture, OpenRaw, options);
var deep = options.Count / 10;
var far = options.Count / 10 * 9;
// The default order is by Id (references are issued in Id order); the cursor carries the reference as its key.
var deepById = CursorAt("Reference", "Id", deep);
var farById = CursorAt("Reference", "Id", far);
var deepByName = CursorAt("SortName", "SortName", deep);
var rareName = Scalar<string>(
    $"SELECT * FROM (SELECT \"FamilyName\" || ' ' || \"GivenNames\" FROM \"Prisoners\" WHERE \"FamilyName\" IN ({string.Join(", ", FictionalNames.RareFamilies.Select(f => $"'{f}'"))}) ORDER BY \"Id\" LIMIT 1) AS rare " +
    "UNION ALL SELECT \"FamilyName\" || ' ' || \"GivenNames\" FROM \"Prisoners\" WHERE \"Id\" = 1 LIMIT 1");
var serviceNumber = Scalar<string>($"SELECT \"ServiceNumber\" FROM \"Prisoners\" WHERE \"Id\" >= {options.Count / 2} AND \"ServiceNumber\" IS NOT NULL ORDER BY \"Id\" LIMIT 1");
var reference = Scalar<string>($"SELECT \"Reference\" FROM \"Prisoners\" WHERE \"Id\" = {(options.Count / 3) + 7}");
var rowDeep = deep.ToString("N0", invariant);
var pageDeep = ((deep / RegisterQuery.DefaultPageSize) + 1).ToString("N0", invariant);
int[] deskB = [2], deskD = [4], deskE = [5];

const string Paging = "Paging", Filters = "Filters", Desks = "Desk officers", Search = "Search", CrossScript = "Cross-script search";
RegisterQuery Searching(string typed, RegisterSort sort = RegisterSort.Relevance) => new() { Search = typed, Sort = sort };
var firstPage = new Scenario(Paging, "First page, default sort (reference, i.e. Id)", new RegisterQuery());
var deepPage = new Scenario(Paging, $"Page {pageDeep} (after row {rowDeep}), default sort", new RegisterQuery { After = deepById.Encode() });
var farPage = new Scenario(Paging, $"Page {((far / RegisterQuery.DefaultPageSize) + 1):N0} (after row {far:N0}), default sort", new RegisterQuery { After = farById.Encode() });
var kimRelevanceSecond = (await benchmark.ListAsync(Searching("kim"))).NextCursor;
var kimCholRelevanceSecond = (await benchmark.ListAsync(Searching("kim chol"))).NextCursor;
var riYongCholRelevanceSecond = (await benchmark.ListAsync(Searching("Ri Yong Chol"))).NextCursor;

List<Scenario> scenarios =
[
    firstPage,
    new(Paging, "First page, sorted by name", new RegisterQuery { Sort = RegisterSort.Name }),
    new(Paging, "First page, by date of capture, newest first", new RegisterQuery { Sort = RegisterSort.DateOfCapture, Descending = true }),
    deepPage,
    farPage,
    new(Paging, $"Page {pageDeep} (after row {rowDeep}), sorted by name", new RegisterQuery { Sort = RegisterSort.Name, After = deepByName.Encode() }),
    new(Paging, $"Backwards: the page before row {rowDeep}, default sort", new RegisterQuery { Before = deepById.Encode() }),

    new(Filters, "Filter nationality = RU (5 %)", new RegisterQuery { Nationality = "RU" }),
    new(Filters, "Filter status = in custody (70 %)", new RegisterQuery { Status = CustodyStatus.InCustody }),
    new(Filters, "Filter status = escaped (0.5 %)", new RegisterQuery { Status = CustodyStatus.Escaped }),
    new(Filters, "Filter nationality = CN (no records)", new RegisterQuery { Nationality = "CN" }),
    new(Filters, $"Filter status = in custody, after row {rowDeep}", new RegisterQuery { Status = CustodyStatus.InCustody, After = deepById.Encode() }),
    new(Filters, "Filter nationality = RU, sorted by name", new RegisterQuery { Nationality = "RU", Sort = RegisterSort.Name }),
    new(Filters, "Filter status = in custody, sorted by name", new RegisterQuery { Status = CustodyStatus.InCustody, Sort = RegisterSort.Name }),
    new(Filters, "Filter status = escaped, sorted by name", new RegisterQuery { Status = CustodyStatus.Escaped, Sort = RegisterSort.Name }),
    new(Filters, "Filter nationality = RU, by date of capture", new RegisterQuery { Nationality = "RU", Sort = RegisterSort.DateOfCapture }),
    new(Filters, "Filter status = in custody, by date of capture, newest first", new RegisterQuery { Status = CustodyStatus.InCustody, Sort = RegisterSort.DateOfCapture, Descending = true }),
    new(Filters, "Filter detaining power = UA (all), sorted by name", new RegisterQuery { DetainingPower = "UA", Sort = RegisterSort.Name }),
    new(Filters, "Filter detaining power = UA (all), by date of capture", new RegisterQuery { DetainingPower = "UA", Sort = RegisterSort.DateOfCapture }),
    new(Filters, "Filter wish = remain (none seeded), sorted by name", new RegisterQuery { Wish = PowRegistry.Core.Wishes.WishDestination.RemainInDetainingState, Sort = RegisterSort.Name }),
    new(Filters, "Filter status = in custody + nationality = RU, by date of capture", new RegisterQuery { Status = CustodyStatus.InCustody, Nationality = "RU", Sort = RegisterSort.DateOfCapture }),

    new(Desks, "Desk B officer (25 % of records): first page", new RegisterQuery(), deskB),
    new(Desks, $"Desk B officer: page after row {rowDeep}", new RegisterQuery { After = deepById.Encode() }, deskB),
    new(Desks, "Desk B officer: sorted by name", new RegisterQuery { Sort = RegisterSort.Name }, deskB),
    new(Desks, "Desk B officer: by date of capture, newest first", new RegisterQuery { Sort = RegisterSort.DateOfCapture, Descending = true }, deskB),
    new(Desks, "Desk B officer: status = in custody, sorted by name", new RegisterQuery { Status = CustodyStatus.InCustody, Sort = RegisterSort.Name }, deskB),
    new(Desks, "Desk D officer: nationality = RU, by date of capture", new RegisterQuery { Nationality = "RU", Sort = RegisterSort.DateOfCapture }, deskD),
    new(Desks, "Desk D officer (5 % of records): first page", new RegisterQuery(), deskD),
    new(Desks, "Desk E officer (new desk, no records yet): first page", new RegisterQuery(), deskE),

    new(Search, "\"kim\" (common surname), relevance", Searching("kim")),
    new(Search, "\"kim\", reference order", Searching("kim", RegisterSort.Reference)),
    new(Search, "\"kim\", relevance, second page", new RegisterQuery { Search = "kim", Sort = RegisterSort.Relevance, After = kimRelevanceSecond }),
    new(Search, $"\"kim\", reference order, after row {rowDeep}", new RegisterQuery { Search = "kim", Sort = RegisterSort.Reference, After = deepById.Encode() }),
    new(Search, $"Rare full name \"{rareName}\", relevance", Searching(rareName)),
    new(Search, $"Rare full name \"{rareName}\", reference order", Searching(rareName, RegisterSort.Reference)),
    new(Search, "Two words \"kim chol\", relevance", Searching("kim chol")),
    new(Search, "Two words \"kim chol\", reference order", Searching("kim chol", RegisterSort.Reference)),
    new(Search, $"Service number \"{serviceNumber}\", relevance", Searching(serviceNumber)),
    new(Search, $"Reference \"{reference}\", relevance", Searching(reference)),
    new(Search, "\"pow\" (the start of every reference), relevance", Searching("pow")),
    new(Search, "\"pow\", reference order", Searching("pow", RegisterSort.Reference)),
    new(Search, "One letter \"k\", relevance", Searching("k")),
    new(Search, "One letter \"k\", reference order", Searching("k", RegisterSort.Reference)),
    new(Search, "\"kim\" + status = escaped, relevance", new RegisterQuery { Search = "kim", Status = CustodyStatus.Escaped, Sort = RegisterSort.Relevance }),
    new(Search, "\"ri\" + status = hospitalised, sorted by name", new RegisterQuery { Search = "ri", Status = CustodyStatus.Hospitalised, Sort = RegisterSort.Name }),
    new(Search, "Desk B officer: \"kim\", relevance", Searching("kim"), deskB),
    new(Search, "Two words \"kim chol\", relevance, second page", new RegisterQuery { Search = "kim chol", Sort = RegisterSort.Relevance, After = kimCholRelevanceSecond }),
    new(Search, "\"kim\", sorted by name", Searching("kim", RegisterSort.Name)),
    new(Search, "\"kim\" + nationality = RU, by date of capture", new RegisterQuery { Search = "kim", Nationality = "RU", Sort = RegisterSort.DateOfCapture }),
    new(Search, "\"kim\", sorted by name, descending", new RegisterQuery { Search = "kim", Sort = RegisterSort.Name, Descending = true }),
    new(Search, "\"kim\", by date of capture, newest first", new RegisterQuery { Search = "kim", Sort = RegisterSort.DateOfCapture, Descending = true }),
    new(Search, "\"pow\", sorted by name", Searching("pow", RegisterSort.Name)),
    new(Search, "One letter \"k\", sorted by name", Searching("k", RegisterSort.Name)),
    new(Search, "\"kim chol\", sorted by name", Searching("kim chol", RegisterSort.Name)),
    new(Search, "Desk B officer: \"kim\", sorted by name", new RegisterQuery { Search = "kim", Sort = RegisterSort.Name }, deskB),
    new(Search, $"Desk B officer: rare full name \"{rareName}\", relevance", Searching(rareName), deskB),
];
// The same man typed five ways: South Hangul, North Hangul, the North's romanization, a press spelling, Russian Cyrillic.
foreach (var typed in new[] { "이영철", "리영철", "Ri Yong Chol", "Lee Young-chul", "Ли Ён Чхоль" })
{
    scenarios.Add(new(CrossScript, $"\"{typed}\", relevance", Searching(typed)));
    scenarios.Add(new(CrossScript, $"\"{typed}\", reference order", Searching(typed, RegisterSort.Reference)));
}
scenarios.Add(new(CrossScript, "\"이영철\", relevance, desk D officer", Searching("이영철"), deskD));
scenarios.Add(new(CrossScript, "\"이영철\", relevance, desk B officer", Searching("이영철"), deskB));
scenarios.Add(new(CrossScript, "\"이영철\", reference order, desk D officer", Searching("이영철", RegisterSort.Reference), deskD));
scenarios.Add(new(CrossScript, "\"Ri Yong Chol\", relevance, second page", new RegisterQuery { Search = "Ri Yong Chol", Sort = RegisterSort.Relevance, After = riYongCholRelevanceSecond }));
scenarios.Add(new(CrossScript, "\"Lee Young-chul\" + status = in custody, relevance", new RegisterQuery { Search = "Lee Young-chul", Status = CustodyStatus.InCustody, Sort = RegisterSort.Relevance }));
scenarios.Add(new(CrossScript, "\"이영철\", sorted by name", Searching("이영철", RegisterSort.Name)));
scenarios.Add(new(CrossScript, "\"Ri Yong Chol\", sorted by name", Searching("Ri Yong Chol", RegisterSort.Name)));
scenarios.Add(new(CrossScript, "\"Ли Ён Чхоль\", by date of capture", Searching("Ли Ён Чхоль", RegisterSort.DateOfCapture)));

if (options.Only is { } only)
{
    var wanted = only.Split('|', StringSplitOptions.RemoveEmptyEntries);
    scenarios.RemoveAll(s => !wanted.Any(w => s.Name.Contains(w, StringComparison.OrdinalIgnoreCase)));
}

await CheckPagingAsync();
var counts = scenarios.ToDictionary(s => s, s => SearchCount.Count(OpenRaw, firstCodePoint, s));
await CheckCountsAsync();

// The runtime compiles hot code again, optimised, after some calls (tiered JIT). Without this pass the first
// scenarios would be timed partly in unoptimised code, while the JIT competes for the two cores.
var warming = Stopwatch.StartNew();
for (var round = 0; round < 2; round++)
{
    foreach (var scenario in scenarios) await benchmark.ListAsync(scenario);
}
for (var i = 0; i < 300; i++)
{
    foreach (var scenario in scenarios.Where(s => s.Group == Paging)) await benchmark.ListAsync(scenario);
}
await Task.Delay(TimeSpan.FromSeconds(2));
Console.WriteLine($"Warmed up in {warming.Elapsed.TotalSeconds:F0} s.");

var results = new List<ScenarioResult>();
foreach (var scenario in scenarios)
{
    var result = await benchmark.MeasureAsync(scenario);
    results.Add(result);
    Console.WriteLine($"{scenario.Group,-20} {scenario.Name,-62} median {result.Median,8:F2} ms  p95 {result.P95,8:F2} ms  " +
                      $"({result.Runs} runs, {result.RowsOnPage} rows, {counts[scenario].All:N0} matching, {result.Work.VmSteps:N0} {(postgres ? "buffers" : "VM steps")})");
}

const int rounds = 200;
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
    if (interceptor is null) services.AddPowRegistryDatabase(provider, connectionString);
    else services.AddPowRegistryDatabase(provider, connectionString, interceptor);
    return services.BuildServiceProvider();
}

DbConnection OpenRaw()
{
    DbConnection connection = postgres ? new NpgsqlConnection(rawConnectionString) : new SqliteConnection(rawConnectionString);
    connection.Open();
    return connection;
}

void Execute(string sql)
{
    using var connection = OpenRaw();
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

void ClearPools()
{
    if (postgres) NpgsqlConnection.ClearAllPools();
    else SqliteConnection.ClearAllPools();
}

static long FileSize(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

T Scalar<T>(string sql) => (T)Convert.ChangeType(ScalarOrNull(sql) ?? throw new InvalidOperationException($"No value: {sql}"), typeof(T), invariant);

object? ScalarOrNull(string sql, bool missingTableIsNull = false)
{
    using var connection = OpenRaw();
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    try
    {
        return command.ExecuteScalar() is { } value and not DBNull ? value : null;
    }
    catch (Exception e) when (missingTableIsNull && e is SqliteException or PostgresException)
    {
        return null; // --reuse on a database that has no register yet: seed it
    }
}

/// <summary>The cursor of the row at a 1-based position in (order, Id) order, found directly rather than by paging.</summary>
RegisterCursor CursorAt(string keyColumn, string orderColumn, int position)
{
    using var connection = OpenRaw();
    using var command = connection.CreateCommand();
    command.CommandText = $"SELECT \"{keyColumn}\", \"Id\" FROM \"Prisoners\" ORDER BY \"{orderColumn}\", \"Id\" LIMIT 1 OFFSET {position - 1}";
    using var reader = command.ExecuteReader();
    reader.Read();
    return new RegisterCursor(Convert.ToString(reader.GetValue(0), invariant)!, reader.GetInt32(1));
}

int IdAt(string column, int position) => CursorAt(column, column, position).Id;

async Task CheckSampleAsync(int id)
{
    await using var scope = RegisterBenchmark.SignedIn(timed.CreateAsyncScope(), null);
    var prisoner = await scope.ServiceProvider.GetRequiredService<PrisonerService>().GetAsync(id, CancellationToken.None)
                   ?? throw new InvalidOperationException($"Prisoner {id} is missing.");
    var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
    var stored = (await db.PrisonerSearchTerms.Where(t => t.PrisonerId == id).Select(t => new { t.Kind, t.Term }).ToListAsync())
        .Select(t => (t.Kind, t.Term)).ToHashSet();
    var captureKey = prisoner.DateOfCapture?.ToString("yyyy-MM-dd", invariant) ?? "";
    if (!stored.SetEquals(prisoner.SearchTerms())
        || prisoner.SortName != Text.Fold(prisoner.DisplayName)
        || prisoner.CaptureSortKey != captureKey
        || prisoner.Reference != $"POW-2025-{id:D6}")
    {
        var expected = prisoner.SearchTerms().ToHashSet();
        throw new InvalidOperationException(
            $"Seeded prisoner {id} ({prisoner.DisplayName}) differs from what the entity would store. Only stored: " +
            $"{string.Join(", ", stored.Except(expected))}; only expected: {string.Join(", ", expected.Except(stored))}.");
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
    var page = await benchmark.ListAsync(new RegisterQuery { After = deepById.Encode() });
    var next = await benchmark.ListAsync(new RegisterQuery { After = page.NextCursor });
    var back = await benchmark.ListAsync(new RegisterQuery { Before = deepById.Encode() });
    var byName = await benchmark.ListAsync(new RegisterQuery { Sort = RegisterSort.Name, After = deepByName.Encode() });
    var size = RegisterQuery.DefaultPageSize;
    var ok = page.Rows[0].Id == IdAt("Id", deep + 1)
             && next.Rows[0].Id == IdAt("Id", deep + size + 1)
             && back.Rows[0].Id == IdAt("Id", deep - size)
             && back.Rows[^1].Id == IdAt("Id", deep - 1)
             && byName.Rows[0].Id == IdAt("SortName", deep + 1);
    if (!ok) throw new InvalidOperationException("A deep page did not return the rows at its position.");
    Console.WriteLine($"Deep pages checked: after row {deep:N0}, the page after that (by NextCursor), the page before it, and by name.");
}

/// <summary>
/// The match counts in the report come from SQL written from RegisterSearch's rules. For every search with at most
/// 3,000 matches, page through the service itself, in reference order and in relevance order, and compare: the same
/// number of records, each once, and in relevance order those whose words equal what was typed first.
/// </summary>
async Task CheckCountsAsync()
{
    var checkedCount = 0;
    foreach (var scenario in scenarios.Where(s => s.IsSearch && s.Query.After is null && counts[s].All <= 3000))
    {
        foreach (var sort in new[] { RegisterSort.Reference, RegisterSort.Relevance })
        {
            var ids = new List<int>();
            string? after = null;
            do
            {
                var query = new RegisterQuery
                {
                    Search = scenario.Query.Search,
                    Status = scenario.Query.Status,
                    Nationality = scenario.Query.Nationality,
                    Sort = sort,
                    PageSize = 200,
                    After = after,
                };
                var page = await benchmark.ListAsync(query, scenario.Desks);
                ids.AddRange(page.Rows.Select(r => r.Id));
                after = page.NextCursor;
            }
            while (after is not null);
            if (ids.Count != counts[scenario].All || ids.Distinct().Count() != ids.Count)
            {
                throw new InvalidOperationException(
                    $"\"{scenario.Name}\": the service pages through {ids.Count:N0} records ({ids.Distinct().Count():N0} distinct), the benchmark's count says {counts[scenario].All:N0}. Update SearchCount.");
            }
            checkedCount++;
        }
    }
    Console.WriteLine($"Match counts checked against the service for {checkedCount} paged searches.");
}

/// <summary>Each change measured on raw SQL next to the SQL EF sent (see <see cref="WhatIf"/>).</summary>
List<Comparison> Compare()
{
    Console.WriteLine("What-if comparisons ...");
    var list = new List<Comparison>();
    var repetitions = Math.Min(options.Repetitions, 15);

    // The proposed search shape (WhatIf.Proposed) and the (filter | desk, SortName, Id) indexes are built now: the
    // service sends the first and the migrations make the second, so there is nothing left to compare them with here.
    // Later what-ifs go in this list.
    _ = repetitions;
    return list;
}

string Report()
{
    var cpu = File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        : null;
    var text = new StringBuilder();
    text.AppendLine(invariant, $"- Prisoners: {prisoners:N0}; aliases: {aliases:N0}; search terms: {terms:N0}, of which name keys (Kind 1): {nameKeys:N0}");
    text.AppendLine(invariant, $"- Names as entered: {styles}");
    text.AppendLine(invariant, $"- Database on disk: {size / 1024.0 / 1024.0:N0} MiB ({(postgres ? "pg_database_size, after VACUUM ANALYZE" : "after ANALYZE and a WAL checkpoint")})");
    text.AppendLine(invariant, $"- Seeding: {seeding}");
    text.AppendLine(invariant, $"- Machine: {Environment.ProcessorCount} logical CPUs ({cpu ?? "unknown CPU"}), {RuntimeInformation.OSDescription}; .NET {Environment.Version}; {store}");
    text.AppendLine(invariant, $"- Load when the report was written (1, 5, 15 min): {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown")}");
    text.AppendLine(invariant, $"- Desks: {string.Join(", ", RegisterSeeder.Desks.Select(d => $"{d.Name} {d.Percent} %"))}. Scenarios run as an administrator (sees every desk) unless they name a desk officer");
    text.AppendLine(invariant, $"- Before timing: every scenario twice and the paging scenarios 300 times each, so the JIT has finished optimising");
    text.AppendLine(invariant, $"- Each scenario: {options.Warmup} untimed calls, then up to {options.Repetitions} timed calls of `RegisterService.ListAsync` (page size {RegisterQuery.DefaultPageSize}), each in a new DI scope; a scenario stops early after {options.Budget.TotalSeconds:F0} s once it has 5 calls");
    foreach (var group in results.GroupBy(r => r.Scenario.Group))
    {
        var searching = group.Any(r => r.Scenario.IsSearch);
        text.AppendLine();
        text.AppendLine(invariant, $"### {group.Key}");
        text.AppendLine();
        // PostgreSQL has no step counters: its columns are the buffers EXPLAIN (ANALYZE, BUFFERS) counted, its seq scans and sorts.
        var counters = postgres ? "Buffers | Seq scans | Sorts" : "VM steps | Full-scan steps | Sorts";
        text.AppendLine(searching
            ? $"| Scenario | Matching | Exact (ranked first) | Latin / Hangul / Cyrillic | Rows | Median ms | p95 ms | First call ms | {counters} |"
            : $"| Scenario | Matching | Rows | Median ms | p95 ms | First call ms | {counters} |");
        text.AppendLine(searching ? "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|" : "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in group)
        {
            var c = counts[r.Scenario];
            var matching = searching
                ? $"{c.All:N0} | {c.Exact:N0} | {c.Latin:N0} / {c.Hangul:N0} / {c.Cyrillic:N0}"
                : $"{c.All:N0}";
            text.AppendLine(invariant,
                $"| {r.Scenario.Name} | {matching} | {r.RowsOnPage} | {r.Median:F2} | {r.P95:F2} | {r.First:F1} | {r.Work.VmSteps:N0} | {r.Work.FullScanSteps:N0} | {r.Work.Sorts} |");
        }
    }
    text.AppendLine();
    text.AppendLine(invariant,
        $"Deep pages against the first, called in turn ({rounds} rounds of the three, after {options.Warmup} untimed rounds), median / p95 ms: " +
        $"first page {inTurn[0].Median:F2} / {inTurn[0].P95:F2}; {deepPage.Name.ToLowerInvariant()} {inTurn[1].Median:F2} / {inTurn[1].P95:F2} " +
        $"({inTurn[1].Median / inTurn[0].Median:F2} × the first); {farPage.Name.ToLowerInvariant()} {inTurn[2].Median:F2} / {inTurn[2].P95:F2} " +
        $"({inTurn[2].Median / inTurn[0].Median:F2} ×).");
    text.AppendLine();
    text.AppendLine(postgres
        ? "Query plans (EXPLAIN (ANALYZE, BUFFERS) of the SQL EF sent, with the same parameters):"
        : "Query plans (EXPLAIN QUERY PLAN of the SQL EF sent, with the same parameter values):");
    foreach (var r in results)
    {
        text.AppendLine();
        text.AppendLine(invariant, $"{r.Scenario.Group}: {r.Scenario.Name}{(r.Scenario.Desks is { } d ? $" (desk officer of {string.Join(", ", d)})" : "")}:");
        text.AppendLine("```");
        text.Append(r.Plan);
        text.AppendLine("```");
    }
    if (comparisons.Count > 0)
    {
        text.AppendLine();
        text.AppendLine("What if (raw SQL, same parameters, median of up to the same number of runs; before and after measured the same way):");
        text.AppendLine();
        text.AppendLine("| Scenario | Change | Before ms | Before VM steps | After ms | + choosing ms | After VM steps | Same page |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---|");
        foreach (var c in comparisons)
        {
            text.AppendLine(invariant, $"| {c.Name} | {c.Change} | {c.Before.Median:F2} | {c.Before.Work.VmSteps:N0} | {c.After.Median:F2} | {c.ChooseMs:F2} | {c.After.Work.VmSteps:N0} | {(c.SameRows ? "yes" : "**no**")} |");
        }
        foreach (var c in comparisons)
        {
            text.AppendLine();
            text.AppendLine(invariant, $"{c.Name}, with {c.Change}:");
            text.AppendLine("```");
            text.Append(c.After.Plan);
            text.AppendLine("```");
        }
    }
    foreach (var r in results.Where(r => r.Scenario == deepPage || r.Scenario.Name.StartsWith("\"kim\"", StringComparison.Ordinal) || r.Scenario.Name.StartsWith("\"이영철\"", StringComparison.Ordinal)).Take(6))
    {
        text.AppendLine();
        text.AppendLine(invariant, $"SQL for \"{r.Scenario.Name}\" ({string.Join(", ", r.Sql.Parameters.Select(p => $"{p.Name} = {p.Value}"))}):");
        text.AppendLine("```sql");
        text.AppendLine(r.Sql.Sql);
        text.AppendLine("```");
    }
    return text.ToString();
}
