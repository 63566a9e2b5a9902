using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Names;

namespace PowRegistry.Core.Prisoners;

/// <summary>
/// Finds records that may be the same man as the one being entered: the same service number, or the same name in any
/// script or spelling (phonetic name keys, ADR-008) with a date of birth that fits.
/// Only records the user may see are listed (need-to-know applies here too).
/// </summary>
public sealed class PossibleDuplicates(PowRegistryDbContext db)
{
    public const int MaxCandidates = 20;

    public async Task<IReadOnlyList<DuplicateCandidate>> FindAsync(PrisonerInput input, int? exceptId, CancellationToken ct)
    {
        var found = new Dictionary<int, DuplicateCandidate>();
        var number = Text.Clean(input.ServiceNumber);
        if (number is not null)
        {
            var sameNumber = await db.Prisoners.AsNoTracking()
                .Where(p => p.ServiceNumber == number && p.Id != exceptId)
                .Take(MaxCandidates)
                .Select(p => new { p.Id, p.Reference, p.FamilyName, p.GivenNames, p.DateOfBirth })
                .ToListAsync(ct);
            foreach (var p in sameNumber) found[p.Id] = new(p.Id, p.Reference, Name(p.FamilyName, p.GivenNames), p.DateOfBirth?.ToString(), number, new Message("Duplicate.SameServiceNumber"));
        }

        var name = NameOf(input);
        var terms = NameKeys.ForQuery(name);
        if (terms.Count > 0)
        {
            // Candidates through the index: every name word meets one of their name keys (any script or spelling)…
            IQueryable<int>? byKeys = null;
            foreach (var term in terms)
            {
                var meeting = RegisterSearch.KeysMeeting(db, term);
                if (meeting is not null) byKeys = byKeys is null ? meeting : byKeys.Intersect(meeting);
            }
            if (byKeys is not null)
            {
                var born = PartialDate.TryParse(input.DateOfBirth, out var date) ? date : null;
                var sameName = await db.Prisoners.AsNoTracking()
                    .Where(p => p.Id != exceptId && byKeys.Contains(p.Id))
                    .OrderBy(p => p.Id).Take(MaxCandidates * 5)
                    .Select(p => new { p.Id, p.Reference, p.FamilyName, p.GivenNames, p.DateOfBirth, p.ServiceNumber, Aliases = p.Aliases.Select(a => a.Name).ToList() })
                    .ToListAsync(ct);
                // …then confirmed name against name (one written as a query finds the other) and by the date of birth.
                var query = NameKeys.ForQuery(name);
                foreach (var p in sameName.Where(p => PartialDate.MayBeSameDay(born, p.DateOfBirth)))
                {
                    var theirNames = p.Aliases.Prepend(Name(p.FamilyName, p.GivenNames));
                    if (!theirNames.Any(n => NameKeys.Matches(query, NameKeys.For(n)) || NameKeys.Matches(NameKeys.ForQuery(n), NameKeys.For(name)))) continue;
                    found.TryAdd(p.Id, new(p.Id, p.Reference, Name(p.FamilyName, p.GivenNames), p.DateOfBirth?.ToString(), p.ServiceNumber,
                        new Message(born is null || p.DateOfBirth is null ? "Duplicate.SimilarNameBirthUnknown" : "Duplicate.SimilarNameAndBirth")));
                    if (found.Count >= MaxCandidates) break;
                }
            }
        }
        return found.Values.Take(MaxCandidates).ToList();
    }

    /// <summary>
    /// <see cref="FindAsync"/> for many inputs (an import), with the same answers, in the order of <paramref name="inputs"/>.
    /// A row can only have a candidate when its service number is on the register or every word of its name meets some
    /// name key on the register; both are asked for the whole batch in a few queries (the name keys' exact values in
    /// one query per 5,000 keys, each distinct prefix once). Only the rows that pass are asked one by one, through
    /// <see cref="FindAsync"/> itself, so the answers cannot differ; on a register that holds none of the file's names
    /// (a first load) no row is asked at all.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<DuplicateCandidate>>> FindManyAsync(IReadOnlyList<PrisonerInput> inputs, CancellationToken ct,
        IProgress<int>? searched = null)
    {
        var numbers = inputs.Select(i => Text.Clean(i.ServiceNumber)).OfType<string>().Distinct().ToList();
        var knownNumbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in numbers.Chunk(5000))
        {
            knownNumbers.UnionWith(await db.Prisoners.AsNoTracking().Where(p => p.ServiceNumber != null && EF.Parameter(chunk).Contains(p.ServiceNumber))
                .Select(p => p.ServiceNumber!).Distinct().ToListAsync(ct));
        }

        var byName = new Dictionary<string, IReadOnlyList<NameQueryTerm>>(StringComparer.Ordinal); // a file repeats names: each is read once
        var queries = inputs.Select(i => NameOf(i) is var name && byName.TryGetValue(name, out var q) ? q : byName[name] = NameKeys.ForQuery(name)).ToList();
        var exact = queries.SelectMany(q => q).SelectMany(t => t.Exact).Distinct(StringComparer.Ordinal).ToList();
        var knownKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in exact.Chunk(5000))
        {
            knownKeys.UnionWith(await db.PrisonerSearchTerms.AsNoTracking().Where(t => t.Kind == SearchTermKind.NameKey && EF.Parameter(chunk).Contains(t.Term))
                .Select(t => t.Term).Distinct().ToListAsync(ct));
        }
        var prefixMeets = new Dictionary<string, bool>(StringComparer.Ordinal);
        async Task<bool> MeetsAsync(NameQueryTerm term)
        {
            if (term.Exact.Count == 0 && term.Prefixes.Count == 0) return true; // FindAsync leaves such a word out of the search
            if (term.Exact.Any(knownKeys.Contains)) return true;
            foreach (var prefix in term.Prefixes)
            {
                if (!prefixMeets.TryGetValue(prefix, out var meets))
                {
                    var upper = SearchText.PrefixUpperBound(prefix);
#pragma warning disable CA1309 // ordinal comparison in SQL, as in RegisterSearch.KeysMeeting
                    meets = await db.PrisonerSearchTerms.AnyAsync(t => t.Kind == SearchTermKind.NameKey && string.Compare(t.Term, prefix) >= 0 && string.Compare(t.Term, upper) < 0, ct);
#pragma warning restore CA1309
                    prefixMeets[prefix] = meets;
                }
                if (meets) return true;
            }
            return false;
        }

        var result = new List<IReadOnlyList<DuplicateCandidate>>(inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            var mayHave = Text.Clean(inputs[i].ServiceNumber) is { } number && knownNumbers.Contains(number);
            if (!mayHave && queries[i].Count > 0)
            {
                mayHave = true;
                foreach (var term in queries[i])
                {
                    if (await MeetsAsync(term)) continue;
                    mayHave = false;
                    break;
                }
            }
            result.Add(mayHave ? await FindAsync(inputs[i], null, ct) : []);
            if (result.Count % 1000 == 0) searched?.Report(result.Count);
        }
        searched?.Report(result.Count);
        return result;
    }

    private static string Name(string? family, string? given) =>
        string.Join(' ', new[] { family, given }.Where(n => !string.IsNullOrEmpty(n))) is { Length: > 0 } name ? name : "(name unknown)";

    /// <summary>The name being entered: family and given names, or the alias of a man whose name is not known.</summary>
    private static string NameOf(PrisonerInput input) =>
        Text.Clean(input.FamilyName) is null ? Text.Clean(input.InitialAlias) ?? "" : Name(Text.Clean(input.FamilyName), Text.Clean(input.GivenNames));
}
