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

    private static string Name(string? family, string? given) =>
        string.Join(' ', new[] { family, given }.Where(n => !string.IsNullOrEmpty(n))) is { Length: > 0 } name ? name : "(name unknown)";

    /// <summary>The name being entered: family and given names, or the alias of a man whose name is not known.</summary>
    private static string NameOf(PrisonerInput input) =>
        Text.Clean(input.FamilyName) is null ? Text.Clean(input.InitialAlias) ?? "" : Name(Text.Clean(input.FamilyName), Text.Clean(input.GivenNames));
}
