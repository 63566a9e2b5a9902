using System.Diagnostics;
using System.Text.RegularExpressions;

using Microsoft.Data.Sqlite;

namespace PowRegistry.Benchmarks;

internal sealed record RawTiming(double Median, QueryWork Work, string Plan);

internal sealed record Comparison(string Name, string Change, RawTiming Before, RawTiming After);

/// <summary>
/// Evidence for changes to the service, measured without changing it: the SQL EF sent is run as is ("before")
/// and in a changed form, or against an extra index made in this throwaway database and dropped again
/// ("after"). Both sides run the same way (raw ADO.NET, one connection), so they compare with each other,
/// not with the end-to-end timings of the main table.
/// </summary>
internal static partial class WhatIf
{
    public static RawTiming Time(string connectionString, CapturedQuery query, int repetitions)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = query.Sql;
        foreach (var (name, value) in query.Parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);

        void Run()
        {
            using var reader = command.ExecuteReader();
            while (reader.Read()) { }
        }

        Run();
        var times = new List<double>(repetitions);
        var budget = Stopwatch.StartNew();
        while (times.Count < repetitions && (times.Count < 3 || budget.Elapsed < TimeSpan.FromSeconds(30)))
        {
            var start = Stopwatch.GetTimestamp();
            Run();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        times.Sort();
        return new RawTiming(times[times.Count / 2], QueryInspector.Work(connection, query), QueryInspector.Plan(connection, query));
    }

    /// <summary>
    /// Each search word as a correlated EXISTS on the (PrisonerId, Term) primary key instead of an IN list:
    /// SQLite can then walk the sort index and stop after a page of matches, instead of sorting every match.
    /// </summary>
    public static CapturedQuery ExistsInsteadOfIn(CapturedQuery query)
    {
        var sql = InSubquery().Replace(query.Sql, m =>
            $"EXISTS (SELECT 1 FROM \"PrisonerSearchTerms\" AS \"{m.Groups[1].Value}\" " +
            $"WHERE \"{m.Groups[1].Value}\".\"PrisonerId\" = \"p\".\"Id\" AND {m.Groups[2].Value})");
        if (sql == query.Sql) throw new InvalidOperationException("The search SQL no longer has the expected IN (SELECT ...) shape.");
        return query with { Sql = sql };
    }

    /// <summary>
    /// The default order by Id alone: the order references are issued in, and the order the (filter, Id) indexes and
    /// an IN list of ids are already in. Only for a first page (the seek predicate still names Reference).
    /// </summary>
    public static CapturedQuery OrderById(CapturedQuery query)
    {
        const string byReference = "ORDER BY \"p\".\"Reference\", \"p\".\"Id\"";
        if (!query.Sql.Contains(byReference, StringComparison.Ordinal)) throw new InvalidOperationException("The SQL is not in the default order.");
        return query with { Sql = query.Sql.Replace(byReference, "ORDER BY \"p\".\"Id\"", StringComparison.Ordinal) };
    }

    /// <summary>
    /// The desk part of the need-to-know filter without "@SeesAllDesks OR": a plain DeskId test, which an index
    /// on DeskId can serve. (SQLite cannot use an index for a term ORed with a parameter.)
    /// </summary>
    public static CapturedQuery DeskWithoutOr(CapturedQuery query)
    {
        var sql = DeskOr().Replace(query.Sql, "$1");
        if (sql == query.Sql) throw new InvalidOperationException("The SQL has no \"@SeesAllDesks OR DeskId ...\" term.");
        return query with { Sql = sql };
    }

    public static void Execute(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [GeneratedRegex("\\(@\\w*SeesAllDesks\\w* OR (\"p\"\\.\"DeskId\" (?:= @\\w+|IN \\([^)]*\\)))\\)")]
    private static partial Regex DeskOr();

    [GeneratedRegex("\"p\"\\.\"Id\" IN \\(\\s*SELECT \"(\\w+)\"\\.\"PrisonerId\"\\s*FROM \"PrisonerSearchTerms\" AS \"\\1\"\\s*WHERE ([^\\n]+)\\n\\s*\\)")]
    private static partial Regex InSubquery();
}
