namespace PowRegistry.Core.Names;

/// <summary>
/// One word of a search, as <see cref="NameKeys.ForQuery"/> makes it: a stored key matches when it equals one of
/// <see cref="Exact"/> or starts with one of <see cref="Prefixes"/>.
/// </summary>
public sealed class NameQueryTerm(IReadOnlySet<string> exact, IReadOnlySet<string> prefixes)
{
    public IReadOnlySet<string> Exact { get; } = exact;

    public IReadOnlySet<string> Prefixes { get; } = prefixes;

    public bool Matches(string key) =>
        Exact.Contains(key) || Prefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal));
}
