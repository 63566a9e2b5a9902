using PowRegistry.Core.Data;
using PowRegistry.Core.Names;

using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Prisoners.Legacy;

/// <summary>
/// The test oracle: RegisterSearch as it was before the per-query search shape (commit 64ebb63), kept unchanged so
/// that the new shape can be compared with it row by row. Do not "improve" it.
/// Turns what an officer typed into the set of matching prisoner ids, as SQL subqueries over the indexed
/// PrisonerSearchTerms table (never a scan of the register). A prisoner matches when either
/// <list type="bullet">
/// <item>every typed word starts one of his words (names, aliases, service number, reference), or</item>
/// <item>every typed name word meets one of his phonetic name keys (another script, romanization or spelling).</item>
/// </list>
/// <see cref="Exact"/> holds those whose words equal every typed word, for ranking them first.
/// </summary>
internal sealed record LegacyRegisterSearch(IQueryable<int> Matching, IQueryable<int> Exact)
{
    public static LegacyRegisterSearch? For(PowRegistryDbContext db, string? typed)
    {
        var words = SearchText.QueryWords(typed);
        if (words.Count == 0) return null;

        IQueryable<int>? byWords = null, exact = null;
        foreach (var word in words)
        {
            var upper = SearchText.PrefixUpperBound(word);
#pragma warning disable CA1309 // EF translates this overload to SQL's own (binary) comparison, which the index is ordered by.
            var starting = db.PrisonerSearchTerms
                .Where(t => t.Kind == SearchTermKind.Word && string.Compare(t.Term, word) >= 0 && string.Compare(t.Term, upper) < 0)
                .Select(t => t.PrisonerId);
#pragma warning restore CA1309
            var equal = db.PrisonerSearchTerms.Where(t => t.Kind == SearchTermKind.Word && t.Term == word).Select(t => t.PrisonerId);
            byWords = byWords is null ? starting : byWords.Intersect(starting);
            exact = exact is null ? equal : exact.Intersect(equal);
        }

        IQueryable<int>? byKeys = null;
        foreach (var term in NameKeys.ForQuery(typed))
        {
            var meeting = KeysMeeting(db, term);
            if (meeting is null) continue;
            byKeys = byKeys is null ? meeting : byKeys.Intersect(meeting);
        }

        return new LegacyRegisterSearch(byKeys is null ? byWords! : byWords!.Union(byKeys), exact!);
    }

    /// <summary>Ids of prisoners with a name key equal to one of the term's exact keys or starting with one of its prefixes.</summary>
    internal static IQueryable<int>? KeysMeeting(PowRegistryDbContext db, NameQueryTerm term)
    {
        IQueryable<int>? meeting = null;
        if (term.Exact.Count > 0)
        {
            var exactKeys = term.Exact.ToList();
            meeting = db.PrisonerSearchTerms.Where(t => t.Kind == SearchTermKind.NameKey && exactKeys.Contains(t.Term)).Select(t => t.PrisonerId);
        }
        foreach (var prefix in term.Prefixes)
        {
            var upper = SearchText.PrefixUpperBound(prefix);
#pragma warning disable CA1309 // see above
            var starting = db.PrisonerSearchTerms
                .Where(t => t.Kind == SearchTermKind.NameKey && string.Compare(t.Term, prefix) >= 0 && string.Compare(t.Term, upper) < 0)
                .Select(t => t.PrisonerId);
#pragma warning restore CA1309
            meeting = meeting is null ? starting : meeting.Union(starting);
        }
        return meeting;
    }
}
