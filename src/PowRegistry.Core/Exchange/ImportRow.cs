using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Exchange;

/// <summary>One data row as it would be registered, with its errors and the records (or other rows) it may duplicate.</summary>
public sealed record ImportRow(int Row, PrisonerInput Input, IReadOnlyList<ImportProblem> Errors, IReadOnlyList<ImportDuplicate> PossibleDuplicates)
{
    public bool IsValid => Errors.Count == 0;

    public string Name =>
        string.Join(' ', new[] { Input.FamilyName, Input.GivenNames }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name
            ? name
            : Input.InitialAlias ?? "(name unknown)";
}
