using System.Data.Common;

using PowRegistry.Core.Names;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Benchmarks;

/// <summary>How many records a scenario matches, and in which script they were entered.</summary>
internal sealed record MatchCount(long All, long Exact, long Latin, long Hangul, long Cyrillic);

/// <summary>
/// Counts what a scenario matches with plain SQL written from the rules of RegisterSearch (which is internal to
/// Core): every typed word starts a Kind-0 word of the record, or every NameKeys.ForQuery term meets a Kind-1 name
/// key of his. The benchmark checks these counts against the service itself (by paging through every match) for the
/// scenarios with few matches, so that the counts shown beside the timings are the service's.
/// </summary>
internal static class SearchCount
{
    /// <param name="open">Opens a raw connection to the benchmark's store (SQLite or PostgreSQL: the SQL runs on both).</param>
    /// <param name="firstCodePoint">The store's function for the code point of a text's first character (unicode, ascii).</param>
    public static MatchCount Count(Func<DbConnection> open, string firstCodePoint, Scenario scenario)
    {
        var query = scenario.Query;
        using var connection = open();
        using var command = connection.CreateCommand();
        void Add(string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        var where = new List<string> { "\"MergedIntoId\" IS NULL" };
        if (scenario.Desks is { } desks) where.Add($"\"DeskId\" IN ({string.Join(", ", desks)})");
        if (query.Status is { } status)
        {
            where.Add("\"CustodyStatus\" = @status");
            Add("@status", (int)status);
        }
        if (query.Nationality is { } nationality)
        {
            where.Add("\"NationalityCode\" = @nationality");
            Add("@nationality", nationality);
        }
        if (query.DetainingPower is { } detainingPower)
        {
            where.Add("\"DetainingPowerCode\" = @detainingPower");
            Add("@detainingPower", detainingPower);
        }
        if (query.Wish is { } wish)
        {
            where.Add("\"CurrentWish\" = @wish");
            Add("@wish", (int)wish);
        }
        var exact = "1 = 0";
        if (Matching(command, query.Search) is { } matching)
        {
            where.Add($"\"Id\" IN ({matching.Ids})");
            exact = $"\"Id\" IN ({matching.Exact})";
        }
        // The script of the family name as entered: Hangul syllables, Cyrillic, or (anything else) Latin.
        var hangul = $"{firstCodePoint}(\"FamilyName\") BETWEEN 44032 AND 55203";
        var cyrillic = $"{firstCodePoint}(\"FamilyName\") BETWEEN 1024 AND 1279";
        static string CountOf(string condition) => $"COALESCE(SUM(CASE WHEN {condition} THEN 1 ELSE 0 END), 0)";
        command.CommandText = $"""
            SELECT COUNT(*), {CountOf(exact)}, {CountOf($"NOT ({hangul} OR {cyrillic})")}, {CountOf(hangul)}, {CountOf(cyrillic)}
            FROM "Prisoners" WHERE {string.Join(" AND ", where)}
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return new MatchCount(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }

    /// <summary>The ids a search matches, and those whose words equal every typed word, as SQL over PrisonerSearchTerms.</summary>
    private static (string Ids, string Exact)? Matching(DbCommand command, string? typed)
    {
        var words = SearchText.QueryWords(typed);
        if (words.Count == 0) return null;
        var n = 0;
        string Parameter(string value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{n++}";
            parameter.Value = value;
            command.Parameters.Add(parameter);
            return parameter.ParameterName;
        }

        var byWords = Intersect(words.Select(w =>
            $"SELECT \"PrisonerId\" FROM \"PrisonerSearchTerms\" WHERE \"Kind\" = 0 AND \"Term\" >= {Parameter(w)} AND \"Term\" < {Parameter(SearchText.PrefixUpperBound(w))}"));
        var exact = Intersect(words.Select(w => $"SELECT \"PrisonerId\" FROM \"PrisonerSearchTerms\" WHERE \"Kind\" = 0 AND \"Term\" = {Parameter(w)}"));
        var terms = NameKeys.ForQuery(typed).Select(term =>
        {
            var parts = new List<string>();
            if (term.Exact.Count > 0)
            {
                parts.Add($"SELECT \"PrisonerId\" FROM \"PrisonerSearchTerms\" WHERE \"Kind\" = 1 AND \"Term\" IN ({string.Join(", ", term.Exact.Select(Parameter))})");
            }
            parts.AddRange(term.Prefixes.Select(p =>
                $"SELECT \"PrisonerId\" FROM \"PrisonerSearchTerms\" WHERE \"Kind\" = 1 AND \"Term\" >= {Parameter(p)} AND \"Term\" < {Parameter(SearchText.PrefixUpperBound(p))}"));
            return string.Join(" UNION ", parts);
        }).ToList();
        var ids = terms.Count == 0 ? byWords : $"SELECT \"PrisonerId\" FROM ({byWords}) AS w UNION SELECT \"PrisonerId\" FROM ({Intersect(terms)}) AS k";
        return (ids, exact);
    }

    private static string Intersect(IEnumerable<string> selects) =>
        string.Join(" INTERSECT ", selects.Select((s, i) => $"SELECT \"PrisonerId\" FROM ({s}) AS s{i}"));
}
