namespace PowRegistry.Core.Common;

/// <summary>An error of one item of a batch (by its index in the batch).</summary>
public sealed record BatchError(int Index, FieldError Error);
