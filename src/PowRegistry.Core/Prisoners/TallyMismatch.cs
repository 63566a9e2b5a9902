namespace PowRegistry.Core.Prisoners;

/// <summary>A kept count that differs from the records (<see cref="RegisterTallyCheck"/>): desk, figure, value, both numbers.</summary>
public sealed record TallyMismatch(int DeskId, TallyDimension Dimension, int Value, int Kept, int Counted);
