using System.Collections.Concurrent;

namespace PowRegistry.Core.Names;

/// <summary>
/// Remembers the name keys of the names met during one import, so that each distinct name's keys are worked out once:
/// a 20,000-row file holds about 11,000 distinct names, and the duplicate search, the within-file comparison and the
/// save each asked <see cref="NameKeys"/> for them again. The keys are pure functions of the name, so remembered keys
/// are the keys. Opened with <see cref="Open"/> around the import's work (the async flow carries it into the
/// services and the DbContext's save); outside such a scope nothing is remembered. The sets handed out are shared:
/// callers read them, never change them (as with any <see cref="IReadOnlySet{T}"/> that <see cref="NameKeys"/> returns).
/// <para>
/// Each word's own keys (a name's keys are its words' keys and those of its words joined) are remembered too, and a
/// scope opened inside another shares its outer scope's words: an import's checks and its save meet the same few
/// thousand words, while a name's keys, one set per distinct name, are kept only by the scope that asked for them.
/// </para>
/// </summary>
public sealed class NameKeyMemo : IDisposable
{
    private static readonly AsyncLocal<NameKeyMemo?> Current = new();

    private readonly NameKeyMemo? _outer;
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string? Family, string? Given), IReadOnlySet<string>> _familyAndGiven = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<NameQueryTerm>> _queries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (HashSet<string> Whole, HashSet<string> Own)> _words;

    private NameKeyMemo(NameKeyMemo? outer)
    {
        _outer = outer;
        _words = outer?._words ?? new(StringComparer.Ordinal);
    }

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

    /// <summary>One word's keys, by a text that holds everything they depend on (<paramref name="word"/>).</summary>
    internal static (HashSet<string> Whole, HashSet<string> Own) ForWord<TWord>(string word, TWord unit, Func<TWord, (HashSet<string>, HashSet<string>)> keys) =>
        Current.Value is { } memo ? memo._words.GetOrAdd(word, static (_, a) => a.keys(a.unit), (keys, unit)) : keys(unit);

    internal static IReadOnlyList<NameQueryTerm> ForQuery(string? typed, Func<string?, IReadOnlyList<NameQueryTerm>> terms) =>
        Current.Value is { } memo && typed is not null ? memo._queries.GetOrAdd(typed, terms) : terms(typed);
}
