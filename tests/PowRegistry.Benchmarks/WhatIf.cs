using System.Diagnostics;
using System.Text;

using Microsoft.Data.Sqlite;

using PowRegistry.Core.Names;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Benchmarks;

/// <param name="Ids">The ids of the rows the query returned, in order: a changed query must return the same page.</param>
internal sealed record RawTiming(double Median, QueryWork Work, string Plan, string Ids);

/// <param name="ChooseMs">Time spent before the query to choose its shape (capped counts), median; 0 when none.</param>
internal sealed record Comparison(string Name, string Change, RawTiming Before, RawTiming After, double ChooseMs = 0)
{
    public bool SameRows => Before.Ids == After.Ids;
}

/// <summary>A search written in the proposed shape, how it was chosen, and how long choosing took.</summary>
internal sealed record ProposedSearch(CapturedQuery Query, string Choice, double ChooseMs);

/// <summary>
/// Evidence for changes to the service, measured without changing it: the SQL EF sent is run as is ("before"),
/// and against an extra index made in this throwaway database and dropped again, or next to a query written in a
/// proposed shape ("after"). Both sides run the same way (raw ADO.NET, one connection), so they compare with each
/// other, not with the end-to-end timings of the main table. Each "after" must return the same page.
/// </summary>
internal static class WhatIf
{
    /// <summary>A term list shorter than this is read whole; a longer one is only probed, row by row.</summary>
    public const int Cap = 5000;

    /// <summary>The columns the register page reads (as ListAsync projects them), for the proposed queries.</summary>
    private const string Projection =
        "p.Reference, p.Id, p.FamilyName, p.GivenNames, " +
        "(SELECT a.Name FROM PrisonerAliases AS a WHERE a.PrisonerId = p.Id ORDER BY a.Id LIMIT 1), " +
        "p.Rank, p.ServiceNumber, p.NationalityCode, p.DetainingPowerCode, p.DateOfCapture, p.CustodyStatus";

    public static RawTiming Time(string connectionString, CapturedQuery query, int repetitions)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = query.Sql;
        foreach (var (name, value) in query.Parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);

        string Run()
        {
            using var reader = command.ExecuteReader();
            var id = reader.GetOrdinal("Id");
            var ids = new StringBuilder();
            while (reader.Read()) ids.Append(reader.GetValue(id)).Append(',');
            return ids.ToString();
        }

        var returned = Run();
        var times = new List<double>(repetitions);
        var budget = Stopwatch.StartNew();
        while (times.Count < repetitions && (times.Count < 3 || budget.Elapsed < TimeSpan.FromSeconds(20)))
        {
            var start = Stopwatch.GetTimestamp();
            Run();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        times.Sort();
        return new RawTiming(times[times.Count / 2], QueryInspector.Work(connection, query), QueryInspector.Plan(connection, query), returned);
    }

    public static void Execute(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// The first page of a search (reference or relevance order, no cursor) in the proposed shape:
    /// <list type="number">
    /// <item>Count each typed word's terms, and each name-key term's keys, with a capped query (at most
    /// <see cref="Cap"/> index entries each).</item>
    /// <item>For the words, and apart for the name keys: when the rarest has fewer than <see cref="Cap"/> entries,
    /// read its list whole and probe the others for each id on the (PrisonerId, Kind, Term) key; otherwise walk the
    /// register in Id order and probe every term for each row, so SQLite stops after a page of matches.</item>
    /// <item>Relevance: the exact matches first (every word equal to a stored word), in Id order, chosen the same
    /// way; then the other matches in Id order; each part stops at a page.</item>
    /// </list>
    /// The order is (exact first, Id), which is the service's ("0"/"1" + reference, Id) except that a reference
    /// with a seven-digit number sorts as text there.
    /// </summary>
    public static ProposedSearch Proposed(string connectionString, Scenario scenario, int repetitions = 5)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        ProposedSearch? made = null;
        var times = new List<double>();
        for (var i = 0; i < repetitions; i++)
        {
            var start = Stopwatch.GetTimestamp();
            made = Make(connection, scenario);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        times.Sort();
        return made! with { ChooseMs = times[times.Count / 2] };
    }

    private static ProposedSearch Make(SqliteConnection connection, Scenario scenario)
    {
        var query = scenario.Query;
        var parameters = new List<(string Name, object? Value)>();
        string P(object value)
        {
            var name = $"$q{parameters.Count}";
            parameters.Add((name, value));
            return name;
        }

        // A term is an SQL condition on a PrisonerSearchTerms alias; {0} is the alias.
        var words = SearchText.QueryWords(query.Search);
        var wordTerms = words.Select(w => $"{{0}}.Kind = 0 AND {{0}}.Term >= {P(w)} AND {{0}}.Term < {P(SearchText.PrefixUpperBound(w))}").ToList();
        var exactTerms = words.Select(w => $"{{0}}.Kind = 0 AND {{0}}.Term = {P(w)}").ToList();
        var keyTerms = NameKeys.ForQuery(query.Search).Select(term =>
        {
            var any = term.Exact.Count > 0 ? new List<string> { $"{{0}}.Term IN ({string.Join(", ", term.Exact.Select(P))})" } : [];
            any.AddRange(term.Prefixes.Select(p => $"({{0}}.Term >= {P(p)} AND {{0}}.Term < {P(SearchText.PrefixUpperBound(p))})"));
            return $"{{0}}.Kind = 1 AND ({string.Join(" OR ", any)})";
        }).ToList();

        long Capped(string term)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM (SELECT 1 FROM PrisonerSearchTerms AS t WHERE {string.Format(null, term, "t")} LIMIT {Cap})";
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
            return (long)command.ExecuteScalar()!;
        }

        var choices = new List<string>();
        string? Side(string label, List<string> terms)
        {
            if (terms.Count == 0) return null;
            var counts = terms.Select(Capped).ToList();
            var rarest = counts.IndexOf(counts.Min());
            string Probe(string term, string id) =>
                $"EXISTS (SELECT 1 FROM PrisonerSearchTerms AS x WHERE x.PrisonerId = {id} AND {string.Format(null, term, "x")})";
            if (counts[rarest] < Cap)
            {
                choices.Add($"{label}: list of {counts[rarest]:N0}");
                var others = terms.Where((_, i) => i != rarest).Select(t => " AND " + Probe(t, "t.PrisonerId"));
                return $"p.Id IN (SELECT t.PrisonerId FROM PrisonerSearchTerms AS t WHERE {string.Format(null, terms[rarest], "t")}{string.Concat(others)})";
            }
            choices.Add($"{label}: walk");
            return "(" + string.Join(" AND ", terms.Select(t => Probe(t, "p.Id"))) + ")";
        }

        var where = new List<string> { "p.MergedIntoId IS NULL" };
        if (scenario.Desks is { } desks) where.Add($"p.DeskId IN ({string.Join(", ", desks)})");
        if (query.Status is { } status) where.Add($"p.CustodyStatus = {P((int)status)}");
        if (query.Nationality is { } nationality) where.Add($"p.NationalityCode = {P(nationality)}");
        var filter = string.Join(" AND ", where);

        var byWords = Side("words", wordTerms)!;
        var byKeys = Side("keys", keyTerms);
        var matching = byKeys is null ? byWords : $"({byWords} OR {byKeys})";
        var limit = P(RegisterQuery.DefaultPageSize + 1);
        string sql;
        if (query.Sort == RegisterSort.Relevance)
        {
            var exact = Side("exact", exactTerms)!;
            sql = $"""
                SELECT * FROM (SELECT 0 AS Exact, {Projection} FROM Prisoners AS p WHERE {filter} AND {exact} ORDER BY p.Id LIMIT {limit})
                UNION ALL
                SELECT * FROM (SELECT 1 AS Exact, {Projection} FROM Prisoners AS p WHERE {filter} AND {matching} AND NOT {exact} ORDER BY p.Id LIMIT {limit})
                LIMIT {limit}
                """;
        }
        else
        {
            sql = $"SELECT {Projection} FROM Prisoners AS p WHERE {filter} AND {matching} ORDER BY p.Id LIMIT {limit}";
        }
        return new ProposedSearch(new CapturedQuery(sql, parameters), string.Join("; ", choices), 0);
    }
}
