namespace PowRegistry.Core.Exchange;

/// <summary>What an import did: how many were created, and which rows were skipped and why. Nothing is saved when <see cref="Saved"/> is false.</summary>
public sealed record ImportOutcome(bool Saved, IReadOnlyList<string> References, IReadOnlyList<ImportProblem> Skipped, IReadOnlyList<ImportProblem> Errors)
{
    public int Created => References.Count;

    /// <summary>How many rows were skipped (a row may have several problems).</summary>
    public int SkippedRows => Skipped.Select(s => s.Row).Distinct().Count();
}
