using PowRegistry.Core.Common;

namespace PowRegistry.Core.Prisoners;

/// <summary>
/// How register search cuts text into words. Stored terms and typed queries go through the same folding
/// (case and accents), so "kim", "KIM" and "Kím" meet. A hyphenated or dotted token is kept whole and also
/// split into its parts, so "Yong-chol" is found by "yong-chol", "yong" and "chol", and a reference
/// "POW-2025-000123" by itself.
/// </summary>
public static class SearchText
{
    public const int MaxQueryWords = 8;

    private static readonly char[] Separators = ['-', '.', '\'', '’', '/', ',', '(', ')', '_'];

    public static IEnumerable<string> Terms(IEnumerable<string?> values)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            foreach (var word in Words(value))
            {
                terms.Add(word);
                foreach (var part in word.Split(Separators, StringSplitOptions.RemoveEmptyEntries)) terms.Add(part);
            }
        }
        return terms;
    }

    /// <summary>The words of a typed query, each to be matched against the start of some stored term.</summary>
    public static IReadOnlyList<string> QueryWords(string? query) =>
        string.IsNullOrWhiteSpace(query) ? [] : Words(query).Take(MaxQueryWords).ToList();

    /// <summary>The smallest string greater than every string starting with <paramref name="prefix"/>.</summary>
    public static string PrefixUpperBound(string prefix) => prefix + '\uffff';

    private static IEnumerable<string> Words(string value) =>
        Text.Fold(Text.Clean(value) ?? "")
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.Trim(Separators))
            .Where(w => w.Length > 0)
            .Select(w => w.Length > PrisonerSearchTerm.MaxLength ? w[..PrisonerSearchTerm.MaxLength] : w);
}
