namespace PowRegistry.Core.Exchange;

/// <summary>The outcome of reading a CSV file: records, or one clear message saying why the file was refused.</summary>
public sealed record CsvReadResult(IReadOnlyList<CsvRecord> Records, string? Error)
{
    public static CsvReadResult Refused(string message) => new([], message);
}
