namespace PowRegistry.Core.Names;

/// <summary>
/// One word of a search, as <see cref="NameKeys.ForQuery"/> makes it: a stored key matches when it equals one of
/// <see cref="Exact"/> or starts with one of <see cref="Prefixes"/>.
/// </summary>
public sealed class NameQueryTerm(IReadOnlySet<string> exact, IReadOnlySet<string> prefixes)
{
    // The prefixes as an array: Matches runs for every key of every name an import compares, and a lambda and an
    // enumerator a call were most of the within-file comparison's garbage.
    private readonly string[] _prefixes = [.. prefixes];

    public IReadOnlySet<string> Exact { get; } = exact;

    public IReadOnlySet<string> Prefixes { get; } = prefixes;

    public bool Matches(string key)
    {
        if (Exact.Contains(key)) return true;
        foreach (var prefix in _prefixes)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
