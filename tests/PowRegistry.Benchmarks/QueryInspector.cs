using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

using Npgsql;

using SQLitePCL;

namespace PowRegistry.Benchmarks;

/// <summary>
/// The SQL and parameter values EF sent for one query. For PostgreSQL also copies of the parameters themselves: their
/// types (arrays, dates) matter to the plan, and Npgsql clones them exactly.
/// </summary>
internal sealed record CapturedQuery(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters, IReadOnlyList<NpgsqlParameter>? NpgsqlParameters = null);

/// <summary>
/// What the store did to answer a query once: rows, then SQLite's virtual-machine steps, full-scan steps and sorts; or
/// PostgreSQL's shared buffers touched (hit + read), sequential scans and sorts in the plan, from EXPLAIN (ANALYZE, BUFFERS).
/// </summary>
internal sealed record QueryWork(int Rows, int VmSteps, int FullScanSteps, int Sorts);

/// <summary>
/// Records the last reader command EF runs. Registered only in the service provider used to look at plans,
/// never in the one that is timed.
/// </summary>
internal sealed class CaptureInterceptor : DbCommandInterceptor
{
    private readonly List<CapturedQuery> _all = [];

    /// <summary>The commands since <see cref="Clear"/>: a search page sends capped counts and one or two page queries.</summary>
    public IReadOnlyList<CapturedQuery> All => _all;

    public CapturedQuery? Last => _all.Count > 0 ? _all[^1] : null;

    public void Clear() => _all.Clear();

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Capture(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Capture(command);
        return ValueTask.FromResult(result);
    }

    private void Capture(DbCommand command) =>
        _all.Add(new CapturedQuery(command.CommandText,
            [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value is DBNull ? null : p.Value))],
            command is NpgsqlCommand npgsql ? [.. npgsql.Parameters.Select(p => p.Clone())] : null));
}

/// <summary>Runs a captured query again outside EF: its query plan, and the work SQLite does for it.</summary>
internal static class QueryInspector
{
    public static string Plan(SqliteConnection connection, CapturedQuery query)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + query.Sql;
        foreach (var (name, value) in query.Parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);

        var depth = new Dictionary<long, int> { [0] = -1 };
        var plan = new StringBuilder();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            var level = depth.GetValueOrDefault(reader.GetInt64(1), -1) + 1;
            depth[id] = level;
            plan.Append(' ', level * 2).Append(reader.GetString(3)).Append('\n');
        }
        return plan.ToString();
    }

    /// <summary>
    /// Steps through the statement with SQLite's own counters (sqlite3_stmt_status): VM steps grow with the rows
    /// SQLite touches, so a page that seeks stays small and one that scans grows with the register.
    /// </summary>
    public static QueryWork Work(SqliteConnection connection, CapturedQuery query)
    {
        var rc = raw.sqlite3_prepare_v2(connection.Handle, query.Sql, out sqlite3_stmt statement);
        if (rc != raw.SQLITE_OK) throw new InvalidOperationException($"prepare failed ({rc}): {raw.sqlite3_errmsg(connection.Handle).utf8_to_string()}");
        using (statement)
        {
            foreach (var (name, value) in query.Parameters)
            {
                var index = raw.sqlite3_bind_parameter_index(statement, name);
                if (index == 0) continue;
                rc = value switch
                {
                    null => raw.sqlite3_bind_null(statement, index),
                    string s => raw.sqlite3_bind_text(statement, index, s),
                    bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
                    int i => raw.sqlite3_bind_int64(statement, index, i),
                    long l => raw.sqlite3_bind_int64(statement, index, l),
                    Enum e => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture)),
                    _ => throw new NotSupportedException($"Parameter {name} of type {value.GetType().Name}"),
                };
                if (rc != raw.SQLITE_OK) throw new InvalidOperationException($"bind {name} failed ({rc})");
            }

            var rows = 0;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW) rows++;
            if (rc != raw.SQLITE_DONE) throw new InvalidOperationException($"step failed ({rc})");
            return new QueryWork(rows,
                raw.sqlite3_stmt_status(statement, raw.SQLITE_STMTSTATUS_VM_STEP, 0),
                raw.sqlite3_stmt_status(statement, raw.SQLITE_STMTSTATUS_FULLSCAN_STEP, 0),
                raw.sqlite3_stmt_status(statement, raw.SQLITE_STMTSTATUS_SORT, 0));
        }
    }

    /// <summary>
    /// PostgreSQL: runs the query once under EXPLAIN (ANALYZE, BUFFERS) with EF's own parameters, and returns the plan
    /// and what it did: the top node's rows, its shared buffers (hit + read), how many seq scans and sorts the plan has.
    /// </summary>
    public static (string Plan, QueryWork Work) Explain(NpgsqlConnection connection, CapturedQuery query)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + query.Sql;
        foreach (var parameter in query.NpgsqlParameters ?? []) command.Parameters.Add(parameter.Clone());
        var plan = new StringBuilder();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) plan.Append(reader.GetString(0)).Append('\n');
        }
        var text = plan.ToString();
        var rows = Regex.Match(text, @"actual time=[\d.]+\.\.[\d.]+ rows=(\d+)") is { Success: true } r ? int.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        // The first Buffers line is the top node's, which includes every node under it.
        var buffers = Regex.Match(text, @"Buffers: shared(?: hit=(\d+))?(?: read=(\d+))?");
        var touched = (buffers.Groups[1].Success ? long.Parse(buffers.Groups[1].Value, CultureInfo.InvariantCulture) : 0)
                      + (buffers.Groups[2].Success ? long.Parse(buffers.Groups[2].Value, CultureInfo.InvariantCulture) : 0);
        return (text, new QueryWork(rows, (int)Math.Min(int.MaxValue, touched),
            Regex.Count(text, @"Seq Scan on"), Regex.Count(text, @"(?<!Incremental )\bSort\b(?! Key| Method)")));
    }
}
