namespace PowRegistry.Core.Common;

/// <summary>
/// Outcome of a batch: every item was created, or the errors say why not. A batch saved in chunks (ADR-017) may have
/// created the items of its earlier chunks before one failed: then both lists hold something.
/// </summary>
public sealed record BatchResult<T>(IReadOnlyList<T> Created, IReadOnlyList<BatchError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
