namespace PowRegistry.Core.Common;

/// <summary>Outcome of a batch saved in one transaction: every item was created, or none (and the errors say why).</summary>
public sealed record BatchResult<T>(IReadOnlyList<T> Created, IReadOnlyList<BatchError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
