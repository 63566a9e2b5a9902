namespace PowRegistry.Core.Review;

/// <summary>One figure of the review: what is counted (a status, a counterpart…) and how many.</summary>
public sealed record Tally<TKey>(TKey Key, int Count);
