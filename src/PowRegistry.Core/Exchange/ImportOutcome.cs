namespace PowRegistry.Core.Exchange;

/// <summary>
/// What an import did: how many were created, and which rows were skipped and why. Nothing is saved when <see cref="Saved"/>
/// is false. When <see cref="Incomplete"/>, the rows up to <see cref="LastSavedRow"/> were saved and <see cref="Errors"/> say
/// why the rest was not (ADR-017).
/// </summary>
public sealed record ImportOutcome(bool Saved, IReadOnlyList<string> References, IReadOnlyList<ImportProblem> Skipped, IReadOnlyList<ImportProblem> Errors)
{
    public int Created => References.Count;

    /// <summary>The last file row saved, when the import stopped part-way (a chunk failed at save time).</summary>
    public int? LastSavedRow { get; init; }

    public bool Incomplete => Saved && Errors.Count > 0;

    /// <summary>How many rows were skipped (a row may have several problems).</summary>
    public int SkippedRows => Skipped.Select(s => s.Row).Distinct().Count();
}
