using System.Collections.Concurrent;

namespace PowRegistry.Core.Names;

/// <summary>
/// Remembers the name keys of the names met during one import, so that each distinct name's keys are worked out once:
/// a 20,000-row file holds about 11,000 distinct names, and the duplicate search, the within-file comparison and the
/// save each asked <see cref="NameKeys"/> for them again. The keys are pure functions of the name, so remembered keys
/// are the keys. Opened with <see cref="Open"/> around the import's work (the async flow carries it into the
/// services and the DbContext's save); outside such a scope nothing is remembered. The sets handed out are shared:
/// callers read them, never change them (as with any <see cref="IReadOnlySet{T}"/> that <see cref="NameKeys"/> returns).
/// </summary>
public sealed class NameKeyMemo : IDisposable
{
    private static readonly AsyncLocal<NameKeyMemo?> Current = new();

    private readonly NameKeyMemo? _outer;
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string? Family, string? Given), IReadOnlySet<string>> _familyAndGiven = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<NameQueryTerm>> _queries = new(StringComparer.Ordinal);

    private NameKeyMemo(NameKeyMemo? outer) => _outer = outer;

    /// <summary>Remembers keys until disposed, in this async flow only.</summary>
    public static NameKeyMemo Open()
    {
        var memo = new NameKeyMemo(Current.Value);
        Current.Value = memo;
        return memo;
    }

    public void Dispose() => Current.Value = _outer;

    internal static IReadOnlySet<string> For(string? name, Func<string?, IReadOnlySet<string>> keys) =>
        Current.Value is { } memo && name is not null ? memo._keys.GetOrAdd(name, keys) : keys(name);

    internal static IReadOnlySet<string> For(string? familyName, string? givenNames, Func<(string?, string?), IReadOnlySet<string>> keys) =>
        Current.Value is { } memo ? memo._familyAndGiven.GetOrAdd((familyName, givenNames), keys) : keys((familyName, givenNames));

    internal static IReadOnlyList<NameQueryTerm> ForQuery(string? typed, Func<string?, IReadOnlyList<NameQueryTerm>> terms) =>
        Current.Value is { } memo && typed is not null ? memo._queries.GetOrAdd(typed, terms) : terms(typed);
}
