namespace PowRegistry.Core.Prisoners;

/// <summary>
/// What a batch registration returns of each record it saved: its id and reference, not the record. A 100,000-row
/// import kept every saved record's graph until its end (hundreds of MB the collector walked again and again).
/// </summary>
public sealed record RegisteredPrisoner(int Id, string Reference);
