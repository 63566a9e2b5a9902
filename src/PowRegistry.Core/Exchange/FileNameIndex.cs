using PowRegistry.Core.Names;

namespace PowRegistry.Core.Exchange;

/// <summary>
/// The name keys of a file's rows, sorted, so that the rows whose keys meet a name query are found by binary search
/// (an exact key or a prefix range, as the register's index does) instead of comparing every row with every other.
/// It only narrows: a row it returns is then confirmed by exactly the comparison the import always made.
/// </summary>
internal sealed class FileNameIndex
{
    private readonly (string Key, int Row)[] _keys;

    public FileNameIndex(IReadOnlyList<IReadOnlySet<string>> keysOfRows)
    {
        _keys = keysOfRows.SelectMany((keys, row) => keys.Select(k => (k, row))).ToArray();
        Array.Sort(_keys, (a, b) => string.CompareOrdinal(a.Key, b.Key) is var c && c != 0 ? c : a.Row.CompareTo(b.Row));
    }

    /// <summary>
    /// The rows before <paramref name="before"/> whose keys meet every word of <paramref name="query"/> could match; this
    /// returns the rows meeting its most selective word (a superset of the matches), ascending; all rows when the query is empty.
    /// </summary>
    public IEnumerable<int> Candidates(IReadOnlyList<NameQueryTerm> query, int before)
    {
        if (query.Count == 0) return [];
        List<(int From, int To)>? best = null;
        var bestCount = int.MaxValue;
        foreach (var term in query)
        {
            var ranges = term.Exact.Select(Range).Concat(term.Prefixes.Select(PrefixRange)).Where(r => r.To > r.From).ToList();
            var count = ranges.Sum(r => r.To - r.From);
            if (count < bestCount)
            {
                best = ranges;
                bestCount = count;
            }
        }
        return best!.SelectMany(r => Enumerable.Range(r.From, r.To - r.From).Select(i => _keys[i].Row)).Where(r => r < before).Distinct().Order();
    }

    private (int From, int To) Range(string key) => (LowerBound(key, inclusive: true), LowerBound(key, inclusive: false));

    private (int From, int To) PrefixRange(string prefix)
    {
        var from = LowerBound(prefix, inclusive: true);
        var to = from;
        while (to < _keys.Length && _keys[to].Key.StartsWith(prefix, StringComparison.Ordinal)) to++;
        return (from, to);
    }

    /// <summary>The first position whose key is not less than (inclusive) or greater than (exclusive) <paramref name="key"/>.</summary>
    private int LowerBound(string key, bool inclusive)
    {
        int lo = 0, hi = _keys.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = string.CompareOrdinal(_keys[mid].Key, key);
            if (c < 0 || (!inclusive && c == 0)) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
