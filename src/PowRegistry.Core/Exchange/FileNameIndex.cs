using PowRegistry.Core.Names;

namespace PowRegistry.Core.Exchange;

/// <summary>
/// The name keys of a file's names, sorted, so that the names whose keys meet a name query are found by binary search
/// (an exact key or a prefix range, as the register's index does) instead of comparing every name with every other.
/// A query word's names are found once for all the names that share that word (a set of bits), and a query's names
/// are the intersection of its words' sets: exactly the names <see cref="NameKeys.Matches"/> would accept, which the
/// caller still confirms.
/// </summary>
internal sealed class FileNameIndex
{
    private readonly (string Key, int Row)[] _keys;
    private readonly int _rows;
    private readonly Dictionary<string, ulong[]> _byTerm = new(StringComparer.Ordinal);

    public FileNameIndex(IReadOnlyList<IReadOnlySet<string>> keysOfRows)
    {
        _rows = keysOfRows.Count;
        _keys = keysOfRows.SelectMany((keys, row) => keys.Select(k => (k, row))).ToArray();
        Array.Sort(_keys, (a, b) => string.CompareOrdinal(a.Key, b.Key) is var c && c != 0 ? c : a.Row.CompareTo(b.Row));
    }

    /// <summary>The rows whose keys meet every word of <paramref name="query"/> (ascending); none for an empty query.</summary>
    public List<int> Meeting(IReadOnlyList<NameQueryTerm> query)
    {
        var found = new List<int>();
        if (query.Count == 0) return found;
        var sets = query.Select(RowsMeeting).ToList();
        for (var word = 0; word < sets[0].Length; word++)
        {
            var bits = sets[0][word];
            for (var t = 1; t < sets.Count && bits != 0; t++) bits &= sets[t][word];
            while (bits != 0)
            {
                found.Add(word * 64 + System.Numerics.BitOperations.TrailingZeroCount(bits));
                bits &= bits - 1;
            }
        }
        return found;
    }

    /// <summary>The rows one of whose keys <paramref name="term"/> matches (equal to an exact key, or starting with a prefix), kept per term.</summary>
    private ulong[] RowsMeeting(NameQueryTerm term)
    {
        var id = string.Join('\u0001', term.Exact.Order(StringComparer.Ordinal)) + "\u0002" + string.Join('\u0001', term.Prefixes.Order(StringComparer.Ordinal));
        if (_byTerm.TryGetValue(id, out var bits)) return bits;
        bits = new ulong[(_rows + 63) / 64];
        foreach (var (from, to) in term.Exact.Select(Range).Concat(term.Prefixes.Select(PrefixRange)))
        {
            for (var i = from; i < to; i++) bits[_keys[i].Row >> 6] |= 1UL << (_keys[i].Row & 63);
        }
        _byTerm[id] = bits;
        return bits;
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
