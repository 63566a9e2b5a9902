namespace PowRegistry.Core.Common;

/// <summary>A refusal of one item of a batch (by its index in the batch).</summary>
public sealed record BatchError(int Index, Refusal Error);
