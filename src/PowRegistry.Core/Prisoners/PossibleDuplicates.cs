using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;

namespace PowRegistry.Core.Prisoners;

public sealed record DuplicateCandidate(int Id, string Reference, string DisplayName, string? DateOfBirth, string? ServiceNumber, string Why);

/// <summary>
/// Finds records that may be the same man as the one being entered: the same service number, or names that
/// share search keys (so other scripts and spellings count, see SearchText) with a date of birth that fits.
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
            foreach (var p in sameNumber) found[p.Id] = new(p.Id, p.Reference, Name(p.FamilyName, p.GivenNames), p.DateOfBirth?.ToString(), number, "Same service number");
        }

        var parts = NameParts(input);
        if (parts.Count > 0)
        {
            IQueryable<Prisoner> byName = db.Prisoners.AsNoTracking().Where(p => p.Id != exceptId);
            foreach (var keys in parts.Required)
            {
                var matching = db.PrisonerSearchTerms.Where(t => keys.Contains(t.Term)).Select(t => t.PrisonerId);
                byName = byName.Where(p => matching.Contains(p.Id));
            }
            if (parts.AnyOf.Count > 0)
            {
                var anyKeys = parts.AnyOf.SelectMany(k => k).ToList();
                var matching = db.PrisonerSearchTerms.Where(t => anyKeys.Contains(t.Term)).Select(t => t.PrisonerId);
                byName = byName.Where(p => matching.Contains(p.Id));
            }
            var born = PartialDate.TryParse(input.DateOfBirth, out var date) ? date : null;
            var sameName = await byName.OrderBy(p => p.Id).Take(MaxCandidates * 5)
                .Select(p => new { p.Id, p.Reference, p.FamilyName, p.GivenNames, p.DateOfBirth, p.ServiceNumber })
                .ToListAsync(ct);
            foreach (var p in sameName.Where(p => BirthFits(born, p.DateOfBirth)).Take(MaxCandidates))
            {
                found.TryAdd(p.Id, new(p.Id, p.Reference, Name(p.FamilyName, p.GivenNames), p.DateOfBirth?.ToString(), p.ServiceNumber,
                    born is null || p.DateOfBirth is null ? "Similar name (a date of birth is unknown)" : "Similar name and date of birth"));
            }
        }
        return found.Values.Take(MaxCandidates).ToList();
    }

    /// <summary>Both dates could be the same day (partial dates overlap), or one is unknown.</summary>
    private static bool BirthFits(PartialDate? a, PartialDate? b) =>
        a is null || b is null || (a.Earliest <= b.Latest && b.Earliest <= a.Latest);

    private static string Name(string? family, string? given) =>
        string.Join(' ', new[] { family, given }.Where(n => !string.IsNullOrEmpty(n))) is { Length: > 0 } name ? name : "(name unknown)";

    /// <summary>
    /// What must match: every word of the family name, and at least one word of the given names. A man known
    /// only by an alias must match every word of it.
    /// </summary>
    private static (List<List<string>> Required, List<List<string>> AnyOf, int Count) NameParts(PrisonerInput input)
    {
        var family = Words(input.FamilyName);
        var given = Words(input.GivenNames);
        if (family.Count == 0)
        {
            var alias = Words(input.InitialAlias);
            return (alias, [], alias.Count);
        }
        return (family, given, family.Count + given.Count);
    }

    private static List<List<string>> Words(string? name) =>
        string.IsNullOrWhiteSpace(name)
            ? []
            : SearchText.QueryWords(name).Select(word => SearchText.NameTerms(word).ToList()).Where(keys => keys.Count > 0).ToList();
}
