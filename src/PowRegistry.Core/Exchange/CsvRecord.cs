namespace PowRegistry.Core.Exchange;

/// <summary>A CSV record as read: its line number in the file (1 = the header) and its cells.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Cells);
