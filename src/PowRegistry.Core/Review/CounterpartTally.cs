namespace PowRegistry.Core.Review;

public sealed record CounterpartTally(int Id, string Name, int Count);
