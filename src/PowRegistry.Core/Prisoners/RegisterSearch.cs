using System.Linq.Expressions;

using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Data;
using PowRegistry.Core.Names;

namespace PowRegistry.Core.Prisoners;

/// <summary>
/// Turns what an officer typed into conditions on the register, over the indexed PrisonerSearchTerms table. A
/// prisoner matches when either
/// <list type="bullet">
/// <item>every typed word starts one of his words (names, aliases, service number, reference), or</item>
/// <item>every typed name word meets one of his phonetic name keys (another script, romanization or spelling).</item>
/// </list>
/// He is an exact match (ranked first) when his words equal every typed word.
/// <para>
/// <b>Shape, chosen per query.</b> Each matching condition's index entries are first counted, reading at most
/// <see cref="RegisterSearchOptions.ListCap"/> (5,000) of them, no more than the rarest so far has, and none after one
/// that is rare enough (<see cref="CountedInTurnAsync"/>). For each side (words, name keys) the rarest condition decides: when it
/// has fewer than <see cref="RegisterSearchOptions.ListCap"/> (5,000) entries its list of ids is read whole (<c>Id IN (…)</c>) and the others are
/// probed for those ids only; otherwise nothing is read whole, and each row of the register, walked in the page's
/// order, is probed with <c>EXISTS</c> on the (PrisonerId, Kind, Term) key, so the query stops after a page of
/// matches. Probes are written rarest first, so a row that lacks the rarest term costs one probe. A condition with
/// no entries at all empties its side. When both sides are listed, PostgreSQL reads their lists as one (see
/// <see cref="ListedAsync"/>). The exact matches are ranked by their own capped counts, and their part walks one typed
/// word's own index entries, which come in id order (<see cref="ExactDriver"/>). In relevance order the matching
/// conditions are counted only when the exact matches do not fill the page (<see cref="ShapeAsync"/>). Counts up to a
/// cap go through <see cref="CappedCount"/>. See docs/performance.md.
/// </para>
/// </summary>
internal sealed class RegisterSearch
{
    private RegisterSearch(PowRegistryDbContext db, RegisterSearchOptions options, string typed, List<Expression<Func<PrisonerSearchTerm, bool>>> starting, Side? exact)
    {
        _db = db;
        _listCap = options.ListCap;
        _sparseListCap = options.SparseListCap;
        _rareEnough = options.RareEnough;
        _typed = typed;
        _starting = starting;
        // Exact matches are matches by words, so "exact" alone finds them; "not exact" needs the whole match test.
        Exact = exact?.Probed;
        if (exact is not null)
        {
            // Each exact condition is one word, whose index entries are in prisoner id order: the exact part walks the
            // rarest word's entries instead of the register (see ExactDriver).
            ExactDriver = exact.Conditions[0].Term;
            foreach (var other in exact.Conditions.Skip(1)) ExactBesidesDriver = ExactBesidesDriver is null ? HasAlso(db, other) : Predicate.And(ExactBesidesDriver, HasAlso(db, other));
        }
    }

    private readonly PowRegistryDbContext _db;
    private readonly int _listCap, _sparseListCap, _rareEnough;
    private readonly string _typed;
    private readonly List<Expression<Func<PrisonerSearchTerm, bool>>> _starting;
    private bool _shaped;
    private List<Side> _matchingSides = [];

    /// <summary>
    /// Counts the matching conditions and gives them their shape (<see cref="Matching"/>, <see cref="Inexact"/>,
    /// <see cref="Walked"/>); done once. A relevance page that the exact matches fill never needs it: the exact part
    /// is shaped without these counts (six capped counts of 5,000 entries for three common words).
    /// </summary>
    public async Task ShapeAsync(CancellationToken ct)
    {
        if (_shaped) return;
        _shaped = true;
        var byWords = Shaped(_db, await CountedAsync(_db, _starting, _listCap, _rareEnough, ct), _listCap);
        var (meeting, givenNameKeys) = NameKeyConditions(_typed, _db.Database.MatchesAnArrayBetterThanAnOrOfValues());
        var keysCounted = await CountedAsync(_db, meeting, _listCap, _rareEnough, ct);
        var byKeys = byWords is null && await SparseAsync(keysCounted, givenNameKeys, ct) is { } sparse ? sparse : Shaped(_db, keysCounted, _listCap);
        // Both sides listed (a rare name typed whole, "Thak Ho Yong"): PostgreSQL reads their lists as one, which it can
        // join; an OR of the two lists would be tested against every row of the register (see ListedAsync).
        Matching = byWords is { ListedIds: { } wordIds } && byKeys is { ListedIds: { } keyIds } && _db.Database.JoinsOneIdListBetterThanAnOrOfLists()
            ? OnOneList(_db, [(wordIds, byWords.Conditions), (keyIds, byKeys.Conditions)])
            : Either(byWords?.Probed, byKeys?.Probed);
        // None can be inexact when none matches (the exact words' entries removed since they were counted).
        if (Matching is null) return;
        Inexact = Exact is null ? Matching : Predicate.And(Matching, Predicate.Not(Exact));
        Walked = byWords?.Walked == true || byKeys?.Walked == true;
        _matchingSides = [.. new[] { byWords, byKeys }.OfType<Side>()];
    }

    /// <summary>
    /// The name keys side listed by its given name, when its conditions all reach the list cap but the given name's
    /// keys are fewer than <see cref="RegisterSearchOptions.SparseListCap"/>; null otherwise (then it is shaped as usual).
    /// A surname's keys are common by nature (a few surnames name most of the register), and the matches of a surname
    /// and a given name together are far fewer than either: "이영철" matches 2,566 of a million records, so a walk in
    /// id order probes about 20,000 rows for a page (221,587 SQLite steps), while the 15,659 entries of "yongcol…"
    /// read whole cost about a third of that. Only when no typed word matches (a Hangul name typed whole): beside a
    /// walked words side the page walks the register anyway, and beside a listed one SQLite reads both lists whole
    /// and sorts every match ("리영철" in reference order: 612,062 steps for the page).
    /// </summary>
    private async Task<Side?> SparseAsync(List<SearchCondition>? counted, int? givenNameKeys, CancellationToken ct)
    {
        if (counted is not { Count: > 1 } || givenNameKeys is not { } given || counted.Any(c => c.CappedCount < _listCap)) return null;
        // Fewer than the sparse cap is all that is asked: how many more is not needed (its count stays capped at the list cap).
        if (await _db.PrisonerSearchTerms.Where(counted[given].Term).Skip(_sparseListCap - 1).AnyAsync(ct)) return null;
        var listedCondition = counted[given];
        var ids = _db.PrisonerSearchTerms.Where(listedCondition.Term).Select(t => t.PrisonerId);
        Expression<Func<Prisoner, bool>> all = p => ids.Contains(p.Id);
        var others = counted.Where((_, i) => i != given).ToList();
        foreach (var other in others) all = Predicate.And(all, Has(_db, other));
        return new Side(all, ids, [listedCondition, .. others]);
    }

    /// <summary>True when the search is shaped and no prisoner can match it; a search left unshaped has exact matches.</summary>
    public bool MatchesNone => _shaped && Matching is null;

    /// <summary>The matching prisoners (after <see cref="ShapeAsync"/>); null when no prisoner can match (a typed word that no stored term starts with, on both sides).</summary>
    public Expression<Func<Prisoner, bool>>? Matching { get; private set; }

    /// <summary>The exact matches (every typed word equals a stored word of his); null when there are none or they were not asked for.</summary>
    public Expression<Func<Prisoner, bool>>? Exact { get; }

    /// <summary>
    /// The rarest typed word, equal (ranked by capped counts of each word's equal entries, see ExactAsync). Its index entries (Kind, Term,
    /// PrisonerId) are one term's, so they come in prisoner id order, and the exact part walks them (then reads the
    /// register rows of those that pass), rather than the whole register or a list read whole: exact matches are far denser among a word's
    /// entries than among all records ("Ri Yong Chol": 1,267 exact matches in 97,454 entries of "ri", against a million
    /// records), and the walk stops after a page. Null when there are no exact matches.
    /// </summary>
    public Expression<Func<PrisonerSearchTerm, bool>>? ExactDriver { get; }

    /// <summary>
    /// The exact conditions other than <see cref="ExactDriver"/>, probed on each of its entries before the entry's record
    /// is read (see <see cref="HasAlso"/>); null when it is the only one.
    /// </summary>
    public Expression<Func<PrisonerSearchTerm, bool>>? ExactBesidesDriver { get; }

    /// <summary>The matches that are not exact (after <see cref="ShapeAsync"/>); null when there are none.</summary>
    public Expression<Func<Prisoner, bool>>? Inexact { get; private set; }

    /// <summary>True when <see cref="Matching"/> is probed row by row (a common term): it suits a walk in the page's order, not a sort.</summary>
    public bool Walked { get; private set; }

    /// <summary>
    /// The same prisoners as <see cref="Matching"/>, in the shape for sorting them all (when walking the page's order
    /// would read too far): one list of ids, <c>Id IN (… UNION ALL …)</c>, with each side's matches computed on the
    /// search terms alone, before any prisoner is read. Also how many ids the lists hold (the sides' counts added, up to
    /// <paramref name="cap"/>), which the caller may do without (<paramref name="countNeeded"/> false): then a side of one
    /// condition is not counted.
    /// <para>
    /// A side of several conditions counts them up to <paramref name="cap"/> entries. When one is rarer than the cap, its
    /// list is read and the others are probed on its ids (<c>EXISTS</c> on the (PrisonerId, Kind, Term) key). When all
    /// reach the cap, which is rarest is not known, and guessing wrong reads a list several times longer ("kim chol": the
    /// name keys "kim, kym" have 444,126 entries, "col…" 186,774), so their lists are intersected instead
    /// (<c>INTERSECT</c>): each read once, in order, with no probe. A listed side (one condition counted below the list
    /// cap) is not counted again: its rarest condition's count is exact. See docs/performance.md.
    /// </para>
    /// </summary>
    public async Task<(Expression<Func<Prisoner, bool>> Listed, int Count)> ListedAsync(
        PowRegistryDbContext db, int cap, bool countNeeded, int listCap, CancellationToken ct)
    {
        IQueryable<int>? lists = null;
        var total = 0;
        foreach (var side in _matchingSides)
        {
            var (ids, count) = await SideIdsAsync(db, side.Conditions, cap, countNeeded, listCap, ct);
            lists = lists is null ? ids : lists.Concat(ids);
            total += count;
        }
        var listed = lists!;
        return (p => listed.Contains(p.Id), Math.Min(total, cap));
    }

    /// <summary>One side's matching ids, from its search terms alone (see <see cref="ListedAsync"/>), and its rarest condition's count.</summary>
    private static async Task<(IQueryable<int> Ids, int Count)> SideIdsAsync(
        PowRegistryDbContext db, IReadOnlyList<SearchCondition> conditions, int cap, bool countNeeded, int listCap, CancellationToken ct)
    {
        IQueryable<int> IdsOf(SearchCondition condition) => db.PrisonerSearchTerms.Where(condition.Term).Select(t => t.PrisonerId);

        // A listed side's rarest condition was counted below the list cap when the side was shaped: that count is exact,
        // and it decides (the others were counted only up to the lowest count so far, or not at all once it was rare
        // enough: their counts only order the probes). A walked side's conditions all reached the list cap, and are
        // counted again, up to this cap.
        var listedSide = conditions.Any(c => c.CappedCount < listCap);
        async Task<SearchCondition> CountedAsync(SearchCondition condition) => listedSide
            ? condition
            : condition with { CappedCount = await CappedCount.OfAsync(db.PrisonerSearchTerms.Where(condition.Term), cap, ct) };

        if (conditions.Count == 1)
        {
            var only = countNeeded ? await CountedAsync(conditions[0]) : conditions[0];
            return (IdsOf(only), countNeeded ? only.CappedCount : cap);
        }

        var counted = new List<SearchCondition>(conditions.Count);
        foreach (var condition in conditions) counted.Add(await CountedAsync(condition));
        // Stable: among equal counts the order the side was ranked in, whose first holds the exact lowest count.
        counted = [.. counted.OrderBy(c => c.CappedCount)];
        var rarest = counted[0];
        if (rarest.CappedCount >= cap)
        {
            var all = IdsOf(rarest);
            foreach (var other in counted.Skip(1)) all = all.Intersect(IdsOf(other));
            return (all, cap);
        }

        var listed = db.PrisonerSearchTerms.Where(rarest.Term);
        foreach (var other in counted.Skip(1))
        {
            var terms = db.PrisonerSearchTerms.Where(other.Term);
            listed = listed.Where(t => terms.Any(o => o.PrisonerId == t.PrisonerId));
        }
        return (listed.Select(t => t.PrisonerId), rarest.CappedCount);
    }

    /// <summary>
    /// The sides' lists of ids read as one list (<c>Id IN (… UNION ALL …)</c>), and each side's conditions, its listed
    /// one included, probed on the candidates: a prisoner on one side's list who fails that side may still meet the
    /// other. The same prisoners as the OR of the sides.
    /// </summary>
    private static Expression<Func<Prisoner, bool>> OnOneList(
        PowRegistryDbContext db, IReadOnlyList<(IQueryable<int> Ids, IReadOnlyList<SearchCondition> Conditions)> sides)
    {
        IQueryable<int>? lists = null;
        Expression<Func<Prisoner, bool>>? eitherSide = null;
        var probed = false;
        foreach (var (ids, conditions) in sides)
        {
            lists = lists is null ? ids : lists.Concat(ids);
            var all = Has(db, conditions[0]);
            foreach (var other in conditions.Skip(1)) all = Predicate.And(all, Has(db, other));
            eitherSide = Either(eitherSide, all);
            probed |= conditions.Count > 1;
        }
        var listed = lists!;
        Expression<Func<Prisoner, bool>> onAList = p => listed.Contains(p.Id);
        // When each side is its list alone, being on a list is the whole test.
        return probed ? Predicate.And(onAList, eitherSide!) : onAList;
    }

    private static Expression<Func<Prisoner, bool>>? Either(Expression<Func<Prisoner, bool>>? left, Expression<Func<Prisoner, bool>>? right) =>
        left is null ? right : right is null ? left : Predicate.Or(left, right);

    /// <summary>
    /// The search for what was typed; null when nothing was. With <paramref name="exactFirst"/> (relevance order) the
    /// exact words are ranked first, and when each has entries the search is left unshaped: the caller shapes it
    /// (<see cref="ShapeAsync"/>) only when the exact matches do not fill the page. Otherwise it comes shaped.
    /// </summary>
    public static async Task<RegisterSearch?> ForAsync(PowRegistryDbContext db, string? typed, RegisterSearchOptions options, bool exactFirst, CancellationToken ct)
    {
        var words = SearchText.QueryWords(typed);
        if (words.Count == 0) return null;

        List<Expression<Func<PrisonerSearchTerm, bool>>> starting = [], equal = [];
        // The longest word first: it starts fewer stored words, as a rule, and the words after the rarest are counted
        // only up to its count (see CountedInTurnAsync). Equal words are ranked on their own (ExactAsync), in typed order here.
        foreach (var word in words.OrderByDescending(w => w.Length))
        {
            var upper = SearchText.PrefixUpperBound(word);
#pragma warning disable CA1309 // EF translates this overload to SQL's own (binary) comparison, which the index is ordered by.
            starting.Add(t => t.Kind == SearchTermKind.Word && string.Compare(t.Term, word) >= 0 && string.Compare(t.Term, upper) < 0);
#pragma warning restore CA1309
        }
        foreach (var word in words) equal.Add(t => t.Kind == SearchTermKind.Word && t.Term == word);

        // A stored word equal to each typed word starts with it too: with exact matches the words side can match, unshaped.
        if (exactFirst && await ExactAsync(db, equal, words, options, ct) is { } exact)
        {
            return new RegisterSearch(db, options, typed!, starting, exact);
        }
        var search = new RegisterSearch(db, options, typed!, starting, exact: null);
        await search.ShapeAsync(ct);
        return search;
    }

    /// <summary>
    /// A condition per typed name word (one of its name keys), in typed order, and which is the given name's (see
    /// <see cref="SparseAsync"/>). Worked out only when the search is shaped: a page that the exact matches fill
    /// never needs them, and a Hangul name's keys take most of a millisecond (twelve romanizations).
    /// </summary>
    private static (List<Expression<Func<PrisonerSearchTerm, bool>>> Meeting, int? GivenNameKeys) NameKeyConditions(string typed, bool exactKeysAsArray)
    {
        List<Expression<Func<PrisonerSearchTerm, bool>>> meeting = [];
        int? givenNameKeys = null;
        foreach (var term in NameKeys.ForQuery(typed))
        {
            if (KeysMeeting(term, exactKeysAsArray) is not { } keys) continue;
            // A surname's term has its keys only; the first other name word's may be read whole (see SparseAsync).
            if (givenNameKeys is null && term.Prefixes.Count > 0) givenNameKeys = meeting.Count;
            meeting.Add(keys);
        }
        return (meeting, givenNameKeys);
    }

    /// <summary>
    /// The exact conditions (each typed word equal to a stored word), all probed, so that the exact part walks the
    /// rarest word's entries (<see cref="ExactDriver"/>): that walk stops after a page, so it costs no more than reading
    /// a short list whole would. They are ranked by their entries counted in turn (<see cref="CountedInTurnAsync"/>),
    /// the longest word first ("Thak Ho Yong": "ho" and "yong" are not counted past the few "thak" entries). On a tie
    /// the longer word first (fewer stored words equal a longer one: "чхоль" 4,178 against "ли" 10,701), then the typed
    /// order. Null when a word counted equals no stored word.
    /// </summary>
    private static async Task<Side?> ExactAsync(PowRegistryDbContext db, List<Expression<Func<PrisonerSearchTerm, bool>>> equal,
        IReadOnlyList<string> words, RegisterSearchOptions options, CancellationToken ct)
    {
        var longestFirst = Enumerable.Range(0, words.Count).OrderByDescending(i => words[i].Length).Select(i => equal[i]);
        if (await CountedInTurnAsync(db, longestFirst, options.ListCap, options.RareEnough, ct) is not { } counted) return null;
        // Stable: among equal counts the order counted in, the longer word first.
        var conditions = counted.OrderBy(c => c.CappedCount).ToList();
        var all = Has(db, conditions[0]);
        foreach (var other in conditions.Skip(1)) all = Predicate.And(all, Has(db, other));
        return new Side(all, null, conditions);
    }

    /// <summary>Ids of prisoners with a name key equal to one of the term's exact keys or starting with one of its prefixes.</summary>
    internal static IQueryable<int>? KeysMeeting(PowRegistryDbContext db, NameQueryTerm term) =>
        KeysMeeting(term, db.Database.MatchesAnArrayBetterThanAnOrOfValues()) is { } meeting ? db.PrisonerSearchTerms.Where(meeting).Select(t => t.PrisonerId) : null;

    /// <summary>
    /// A name key equal to one of the term's exact keys or starting with one of its prefixes. The exact keys are sent
    /// so that EF Core keeps the statement's SQL: one array parameter or an OR of single values, whichever the store
    /// reads better (<see cref="DatabaseSetup.MatchesAnArrayBetterThanAnOrOfValues"/>). As a plain list EF Core would
    /// write the SQL of every statement with name keys again on every run.
    /// </summary>
    private static Expression<Func<PrisonerSearchTerm, bool>>? KeysMeeting(NameQueryTerm term, bool asArray)
    {
        Expression<Func<PrisonerSearchTerm, bool>>? any = null;
        if (asArray && term.Exact.Count > 0)
        {
            var exactKeys = term.Exact.ToArray();
            any = t => EF.Parameter(exactKeys).Contains(t.Term);
        }
        else
        {
            foreach (var exactKey in term.Exact.Order(StringComparer.Ordinal))
            {
                Expression<Func<PrisonerSearchTerm, bool>> equal = t => t.Term == exactKey;
                any = any is null ? equal : Predicate.Or(any, equal);
            }
        }
        foreach (var prefix in term.Prefixes)
        {
            var upper = SearchText.PrefixUpperBound(prefix);
#pragma warning disable CA1309 // see above
            Expression<Func<PrisonerSearchTerm, bool>> starting = t => string.Compare(t.Term, prefix) >= 0 && string.Compare(t.Term, upper) < 0;
#pragma warning restore CA1309
            any = any is null ? starting : Predicate.Or(any, starting);
        }
        return any is null ? null : Predicate.And(t => t.Kind == SearchTermKind.NameKey, any);
    }

    /// <summary>
    /// One side's conditions (rarest first, by capped count), all of which a match must meet, and the shape they were
    /// given; <see cref="ListedIds"/> is the rarest condition's list when it is read whole (null when walked).
    /// </summary>
    private sealed record Side(Expression<Func<Prisoner, bool>> Probed, IQueryable<int>? ListedIds, IReadOnlyList<SearchCondition> Conditions)
    {
        public bool Walked => ListedIds is null;
    }

    /// <summary>The matching conditions counted in turn (<see cref="CountedInTurnAsync"/>); null when there are none or a counted one has no entries.</summary>
    private static async Task<List<SearchCondition>?> CountedAsync(
        PowRegistryDbContext db, List<Expression<Func<PrisonerSearchTerm, bool>>> terms, int listCap, int rareEnough, CancellationToken ct) =>
        terms.Count == 0 ? null : await CountedInTurnAsync(db, terms, listCap, rareEnough, ct);

    /// <summary>
    /// Each condition with its index entries counted, in the order given, to find the rarest: the first up to
    /// <paramref name="cap"/>, each next one only up to the lowest count so far, and none after a count below both the cap
    /// and <paramref name="rareEnough"/>. Null when a counted one has no entries, so that nobody can meet them all.
    /// <list type="bullet">
    /// <item>A condition that reaches the lowest count cannot be rarer than the one that set it, and counting on decides
    /// nothing: "Thak Ho Yong" counted "ho…" and "yong…" up to 5,000 entries each for the few "thak…" ones (60,000 SQLite
    /// steps of the search's 75,000).</item>
    /// <item>Once a condition is that rare, each further count (a statement, about 0.15 ms) would cost more than
    /// probing its few entries for the others, whichever is rarest; an uncounted condition gets the lowest count.</item>
    /// </list>
    /// So the lowest count is exact (or the cap), and the first condition to hold it comes first among equal counts, as
    /// the sorts that rank them keep the order given. The others' counts only order their probes.
    /// </summary>
    private static async Task<List<SearchCondition>?> CountedInTurnAsync(
        PowRegistryDbContext db, IEnumerable<Expression<Func<PrisonerSearchTerm, bool>>> terms, int cap, int rareEnough, CancellationToken ct)
    {
        var conditions = new List<SearchCondition>();
        var lowest = cap;
        foreach (var term in terms)
        {
            if (lowest < rareEnough && lowest < cap)
            {
                conditions.Add(new SearchCondition(term, lowest));
                continue;
            }
            var count = await CappedCount.OfAsync(db.PrisonerSearchTerms.Where(term), lowest, ct);
            if (count == 0) return null;
            lowest = Math.Min(lowest, count);
            conditions.Add(new SearchCondition(term, count));
        }
        return conditions;
    }

    /// <summary>All of the counted conditions (null: none can be met), in the shape their capped counts call for (see the class).</summary>
    private static Side? Shaped(PowRegistryDbContext db, List<SearchCondition>? counted, int listCap)
    {
        if (counted is null) return null;
        // Stable: among equal counts the first counted comes first, and it holds the exact lowest count (see CountedInTurnAsync).
        List<SearchCondition> conditions = [.. counted.OrderBy(c => c.CappedCount)];

        var rarest = conditions[0];
        IQueryable<int>? listed = null;
        Expression<Func<Prisoner, bool>> all;
        if (rarest.CappedCount >= listCap)
        {
            all = Has(db, rarest);
        }
        else
        {
            var ids = listed = db.PrisonerSearchTerms.Where(rarest.Term).Select(t => t.PrisonerId);
            all = p => ids.Contains(p.Id);
        }
        foreach (var other in conditions.Skip(1)) all = Predicate.And(all, Has(db, other));
        return new Side(all, listed, conditions);
    }

    /// <summary>
    /// EXISTS on the (PrisonerId, Kind, Term) key, for the prisoner of another index entry: probed on the driver word's
    /// entries, before any register row is read. Most of them fail the other words ("Ri Yong Chol": about 2,500 "yong"
    /// entries for a page of 51), and reading each one's register row too cost a random page per entry (see
    /// RegisterService's exact walk).
    /// </summary>
    private static Expression<Func<PrisonerSearchTerm, bool>> HasAlso(PowRegistryDbContext db, SearchCondition condition)
    {
        var terms = db.PrisonerSearchTerms.Where(condition.Term);
        return entry => terms.Any(t => t.PrisonerId == entry.PrisonerId);
    }

    /// <summary>EXISTS on the (PrisonerId, Kind, Term) key: one probe per row.</summary>
    private static Expression<Func<Prisoner, bool>> Has(PowRegistryDbContext db, SearchCondition condition)
    {
        var terms = db.PrisonerSearchTerms.Where(condition.Term);
        return p => terms.Any(t => t.PrisonerId == p.Id);
    }
}
