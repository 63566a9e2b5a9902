using System.Data.Common;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Prisoners;

/// <summary>
/// The record page stays fast at a million records and millions of audit entries: SQLite answers each of its queries
/// by an index search, never by scanning a table. Checked with EXPLAIN QUERY PLAN on the very statements the page runs;
/// the same for the review's list of records falling due for anonymisation.
/// </summary>
public sealed class RecordPageQueryPlanTests : IAsyncLifetime
{
    private readonly PlanServices _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    [Trait("Store", "Sqlite")] // reads SQLite's EXPLAIN QUERY PLAN
    public async Task EveryQueryOfTheRecordPage_IsAnIndexSearch()
    {
        var prisoner = (await _app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(
            new PrisonerInput { FamilyName = "Planned", DateOfCapture = "2025-05-01", DuplicatesChecked = true }, TestServices.Officer, CancellationToken.None))).Value!;
        for (var i = 0; i < 5; i++) await _app.Run<RecordPageService, RecordPageAnswer>(s => s.GetAsync(prisoner.Id, CancellationToken.None));

        PlanServices.Explaining.Value = true;
        try
        {
            Assert.NotNull((await _app.Run<RecordPageService, RecordPageAnswer>(s => s.GetAsync(prisoner.Id, CancellationToken.None))).Record);
        }
        finally
        {
            PlanServices.Explaining.Value = false;
        }

        var plans = _app.Plans.Plans;
        Assert.NotEmpty(plans);
        var history = Assert.Single(plans, p => p.Sql.Contains("FROM \"AuditEntries\"", StringComparison.Ordinal));
        // Through the index of changes only: the record's views (one entry each, millions in all) are never read.
        Assert.Contains(history.Steps, s => s.StartsWith("SEARCH", StringComparison.Ordinal) && s.Contains("IX_AuditEntries_History (PrisonerId=?)", StringComparison.Ordinal));
        // Known exception, left for later: consultations keep their prisoners in a JSON list, so "concerning him" reads them all.
        var scans = plans.Where(p => !p.Sql.Contains("FROM \"Consultations\"", StringComparison.Ordinal))
            .SelectMany(p => p.Steps.Where(s => IsTableScan(s, p.Steps)).Select(s => $"{s} in: {p.Sql}"))
            .ToList();
        Assert.True(scans.Count == 0, string.Join(Environment.NewLine, scans));
    }

    [Fact]
    [Trait("Store", "Sqlite")] // reads SQLite's EXPLAIN QUERY PLAN
    public async Task TheReviewsFallingDueList_StartsFromTheClosingEventsInItsWindow_NotFromEveryClosedRecord()
    {
        // The review asks on every view (ADR-024): reading every closed record would grow with the register.
        var prisoner = (await _app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(
            new PrisonerInput { FamilyName = "Released", DateOfCapture = "2015-01-01", DuplicatesChecked = true }, TestServices.Officer, CancellationToken.None))).Value!;
        var released = await _app.Run<PrisonerService, ServiceResult<CustodyEvent>>(s => s.AddCustodyEventAsync(prisoner.Id,
            new CustodyEventInput { Kind = CustodyEventKind.Released, Date = "2015-06-20" }, TestServices.Officer, CancellationToken.None)); // due 2025-06-20
        Assert.True(released.Succeeded);
        PlanServices.Explaining.Value = true;
        try
        {
            var due = await _app.Run<Core.Retention.RetentionService, IReadOnlyList<Core.Retention.RetentionDue>>(s => s.FallingDueSoonAsync(CancellationToken.None));
            Assert.Equal([prisoner.Id], due.Select(d => d.PrisonerId));
        }
        finally
        {
            PlanServices.Explaining.Value = false;
        }

        var window = Assert.Single(_app.Plans.Plans, p => p.Sql.Contains("FROM \"CustodyEvents\"", StringComparison.Ordinal) && !p.Sql.Contains("FROM \"Prisoners\"", StringComparison.Ordinal));
        Assert.Contains(window.Steps, s => s.StartsWith("SEARCH", StringComparison.Ordinal) && s.Contains("IX_CustodyEvents_Kind_Date", StringComparison.Ordinal));
        // The closing kinds as constants, not a list parameter: with one, EF Core writes the statement again on every view.
        Assert.DoesNotContain("@closingKinds", window.Sql, StringComparison.Ordinal);
        var records = Assert.Single(_app.Plans.Plans, p => p.Sql.Contains("FROM \"Prisoners\"", StringComparison.Ordinal));
        Assert.Contains(records.Steps, s => s.StartsWith("SEARCH p USING INTEGER PRIMARY KEY", StringComparison.Ordinal));
        Assert.DoesNotContain(records.Steps, s => s.StartsWith("SCAN", StringComparison.Ordinal) && s.Contains("Prisoners", StringComparison.Ordinal));
        Assert.DoesNotContain(records.Steps, s => s.Contains("IX_Prisoners_CustodyStatus", StringComparison.Ordinal));
    }

    /// <summary>A scan of a stored table; not of a one-row subquery's result (EF's split queries) nor of a JSON list.</summary>
    private static bool IsTableScan(string step, List<string> steps)
    {
        if (!step.StartsWith("SCAN ", StringComparison.Ordinal) || step.Contains("VIRTUAL TABLE", StringComparison.Ordinal)) return false;
        var name = step["SCAN ".Length..].Split(' ')[0];
        return !steps.Contains($"MATERIALIZE {name}") && !steps.Contains($"CO-ROUTINE {name}");
    }

    /// <summary>The usual services; the page's statements are explained while <see cref="Explaining"/> is set.</summary>
    private sealed class PlanServices : TestServices
    {
        public static readonly AsyncLocal<bool> Explaining = new();

        public PlanCollector Plans { get; } = new();

        protected override void ConfigureServices(IServiceCollection services) =>
            services.ConfigureDbContext<PowRegistryDbContext>(options => options.AddInterceptors(Plans));
    }

    private sealed class PlanCollector : DbCommandInterceptor
    {
        public List<(string Sql, List<string> Steps)> Plans { get; } = [];

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!PlanServices.Explaining.Value || !command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.Ordinal)) return result;
            await using var explain = command.Connection!.CreateCommand();
            explain.Transaction = command.Transaction;
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            foreach (DbParameter parameter in command.Parameters) explain.Parameters.Add(new SqliteParameter(parameter.ParameterName, parameter.Value));
            var steps = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken)) steps.Add(reader.GetString(3));
            }
            lock (Plans) Plans.Add((command.CommandText, steps));
            return result;
        }
    }
}
