using System.Data.Common;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

using Npgsql;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Prisoners;

/// <summary>
/// The register's pages stay fast at a million records on either store because each one reads an index in its own order
/// (docs/performance.md has the million-record plans of both). Checked on the very SQL the list sends: SQLite's
/// EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN with sequential scans priced out (<c>enable_seqscan = off</c>), so
/// that a small test register shows which index the planner can use, as a large one would; a missing index shows as a
/// sort or a scan of the table.
/// </summary>
public sealed class RegisterQueryPlanTests(RegisterQueryPlanTests.PlanServices app) : IClassFixture<RegisterQueryPlanTests.PlanServices>
{
    /// <summary>
    /// The page, and the index its plan must name. Where the stores differ: SQLite walks its rowid table in Id order
    /// ("SCAN p"); for an officer on several desks both walk the name index and test each row's desk (PostgreSQL 15
    /// cannot read (DeskId, SortName, Id) in name order for EF's <c>"DeskId" = ANY (@ids)</c>, but can for one desk); on
    /// a register this small PostgreSQL finds a nationality's few rows through (NationalityCode, …) and sorts them; and
    /// a name typed whole, both of whose sides are short lists, must be looked up by Id from those lists (PostgreSQL
    /// cannot join an OR of lists, and would test every row). A search's exact matches with a filter are found by
    /// walking the filter's own index, not the typed word's entries (which read every entry that fails the filter);
    /// without one, by walking the word's entries, which are not joined to the register.
    /// </summary>
    public static TheoryData<string, string> Pages => new()
    {
        { "first page", TestDatabase.IsPostgreSql ? "PK_Prisoners" : "SCAN p\n" },
        { "sorted by name", "IX_Prisoners_SortName_Id" },
        { "by date of capture, newest first", "IX_Prisoners_CaptureSortKey_Id" },
        { "status, sorted by name", "IX_Prisoners_CustodyStatus_SortName_Id" },
        { "nationality, by date of capture", TestDatabase.IsPostgreSql ? "IX_Prisoners_NationalityCode_" : "IX_Prisoners_NationalityCode_CaptureSortKey_Id" },
        { "desk officer, sorted by name", "IX_Prisoners_DeskId_SortName_Id" },
        { "officer on two desks, sorted by name", "IX_Prisoners_SortName_Id" },
        { "search", "IX_PrisonerSearchTerms_Kind_Term_PrisonerId" },
        { "search, sorted by name", "IX_PrisonerSearchTerms_Kind_Term_PrisonerId" },
        { "a name typed whole", TestDatabase.IsPostgreSql ? "Index Cond: (\"Id\" = " : "IX_PrisonerSearchTerms_Kind_Term_PrisonerId" },
        { "search with a filter", "IX_Prisoners_NationalityCode_" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EachPage_ReadsItsIndex_InsteadOfScanningOrSorting(string page, string index)
    {
        var status = app.Status;
        lock (app.Plans.Plans) app.Plans.Plans.Clear(); // the plans of this page only
        var (query, desks) = page switch
        {
            "first page" => (new RegisterQuery(), (int[]?)null),
            "sorted by name" => (new RegisterQuery { Sort = RegisterSort.Name }, null),
            "by date of capture, newest first" => (new RegisterQuery { Sort = RegisterSort.DateOfCapture, Descending = true }, null),
            "status, sorted by name" => (new RegisterQuery { Status = status, Sort = RegisterSort.Name }, null),
            "nationality, by date of capture" => (new RegisterQuery { Nationality = "RU", Sort = RegisterSort.DateOfCapture }, null),
            "desk officer, sorted by name" => (new RegisterQuery { Sort = RegisterSort.Name }, [1]),
            "officer on two desks, sorted by name" => (new RegisterQuery { Sort = RegisterSort.Name }, [1, 2]),
            "search" => (new RegisterQuery { Search = "kim", Sort = RegisterSort.Relevance }, null),
            "search, sorted by name" => (new RegisterQuery { Search = "kim", Sort = RegisterSort.Name }, null),
            "a name typed whole" => (new RegisterQuery { Search = "Ri Yong Chol", Sort = RegisterSort.Relevance }, null),
            "search with a filter" => (new RegisterQuery { Search = "ivan", Nationality = "RU", Sort = RegisterSort.Relevance }, null),
            _ => throw new ArgumentOutOfRangeException(nameof(page)),
        };

        PlanServices.Explaining.Value = true;
        RegisterPage result;
        try
        {
            await using var scope = desks is null
                ? app.ScopeAs("planner", administrator: true)
                : app.ScopeAs("planner", deskIds: desks);
            result = await scope.ServiceProvider.GetRequiredService<RegisterService>().ListAsync(query, CancellationToken.None);
        }
        finally
        {
            PlanServices.Explaining.Value = false;
        }

        Assert.NotEmpty(result.Rows);
        var plans = app.Plans.Plans;
        Assert.NotEmpty(plans);
        var pageQuery = plans[^1]; // the page itself (a search first sends its capped counts)
        Assert.True((pageQuery.Plan + "\n").Contains(index, StringComparison.Ordinal), $"{page}: expected {index} in the plan:{Environment.NewLine}{pageQuery.Plan}");
        // A walk of the typed word's entries joins them to the register; the filter's own walk only probes them.
        var joins = plans.Where(p => p.Sql.Contains("JOIN", StringComparison.Ordinal)).Select(p => p.Sql).ToList();
        if (page == "search with a filter") Assert.True(joins.Count == 0, $"{page}: the word's entries are walked:{Environment.NewLine}{string.Join(Environment.NewLine, joins)}");
        // Unfiltered, the exact part walks the word's entries on their own, probing the other words, and reads the register
        // by the ids that passed: joined to it, SQLite read each entry's register row before probing (docs/performance.md).
        if (page == "a name typed whole") Assert.True(joins.Count == 0, $"{page}: the word's entries are joined to the register:{Environment.NewLine}{string.Join(Environment.NewLine, joins)}");
        var scans = plans.Where(p => ScansATable(p.Plan)).Select(p => p.Plan).ToList();
        Assert.True(scans.Count == 0, $"{page}: a table is scanned or the page sorted:{Environment.NewLine}{string.Join(Environment.NewLine, scans)}");
    }

    /// <summary>
    /// PostgreSQL: a sequential scan of the register or its search terms (with enable_seqscan off, only when no index
    /// serves). SQLite: a sort of the page's rows in a temporary b-tree (its walk of the register in Id order under a
    /// LIMIT, "SCAN p", is how it pages by design; docs/performance.md).
    /// </summary>
    private static bool ScansATable(string plan) => TestDatabase.IsPostgreSql
        ? plan.Contains("Seq Scan on \"Prisoners\"", StringComparison.Ordinal) || plan.Contains("Seq Scan on \"PrisonerSearchTerms\"", StringComparison.Ordinal)
        : plan.Contains("USE TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal);

    /// <summary>
    /// The usual services over a small register with common and rare names and two nationalities, analysed, seeded once
    /// for the class (the pages only read it); the list's statements are explained while <see cref="Explaining"/> is set.
    /// </summary>
    public sealed class PlanServices : TestServices
    {
        public static readonly AsyncLocal<bool> Explaining = new();

        public PlanCollector Plans { get; } = new();

        /// <summary>The status every seeded record has.</summary>
        public CustodyStatus Status { get; private set; } = CustodyStatus.Unknown;

        protected override void ConfigureServices(IServiceCollection services) =>
            services.ConfigureDbContext<PowRegistryDbContext>(options => options.AddInterceptors(Plans));

        protected override async Task SeedAsync()
        {
            string[] families = ["Kim", "Kim", "Kim", "Ri", "Pak", "Choe", "Ivanov", "Petrov"];
            string[] givens = ["Chol", "Yong Chol", "Song Il", "Ivan", "Min Ho"];
            for (var i = 0; i < 120; i++)
            {
                var family = families[i % families.Length];
                var russian = family is "Ivanov" or "Petrov";
                var created = await Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput
                {
                    FamilyName = family,
                    GivenNames = givens[i % givens.Length],
                    Nationality = russian ? "RU" : "KP",
                    DateOfCapture = $"2024-{1 + (i % 12):D2}-{1 + (i % 28):D2}",
                    DuplicatesChecked = true,
                }, Officer, CancellationToken.None));
                Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.ToString())));
                Status = created.Value!.CustodyStatus;
            }
            await ExecuteRawAsync("ANALYZE");
        }
    }

    public sealed class PlanCollector : DbCommandInterceptor
    {
        public List<(string Sql, string Plan)> Plans { get; } = [];

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!PlanServices.Explaining.Value || !command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.Ordinal)) return result;
            var plan = command is NpgsqlCommand npgsql
                ? await ExplainAsync(npgsql, cancellationToken)
                : await ExplainAsync((SqliteCommand)command, cancellationToken);
            lock (Plans) Plans.Add((command.CommandText, plan));
            return result;
        }

        private static async Task<string> ExplainAsync(NpgsqlCommand command, CancellationToken ct)
        {
            var connection = command.Connection!;
            await SetAsync(connection, command.Transaction, "SET enable_seqscan = off", ct);
            try
            {
                await using var explain = new NpgsqlCommand("EXPLAIN " + command.CommandText, connection, command.Transaction);
                foreach (NpgsqlParameter parameter in command.Parameters) explain.Parameters.Add(parameter.Clone());
                var lines = new List<string>();
                await using var reader = await explain.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) lines.Add(reader.GetString(0));
                return string.Join('\n', lines);
            }
            finally
            {
                // The connection goes back to the pool: the application's own statements must be planned as usual.
                await SetAsync(connection, command.Transaction, "RESET enable_seqscan", ct);
            }
        }

        private static async Task SetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken ct)
        {
            await using var set = new NpgsqlCommand(sql, connection, transaction);
            await set.ExecuteNonQueryAsync(ct);
        }

        private static async Task<string> ExplainAsync(SqliteCommand command, CancellationToken ct)
        {
            await using var explain = command.Connection!.CreateCommand();
            explain.Transaction = command.Transaction;
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            foreach (SqliteParameter parameter in command.Parameters) explain.Parameters.Add(new SqliteParameter(parameter.ParameterName, parameter.Value));
            var steps = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) steps.Add(reader.GetString(3));
            return string.Join('\n', steps);
        }
    }
}
