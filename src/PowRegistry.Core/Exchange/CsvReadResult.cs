using PowRegistry.Core.Common;

namespace PowRegistry.Core.Exchange;

/// <summary>The outcome of reading a CSV file: records, or one clear message saying why the file was refused.</summary>
public sealed record CsvReadResult(IReadOnlyList<CsvRecord> Records, Message? Error)
{
    public static CsvReadResult Refused(string key, params object?[] args) => new([], new Message(key, args));
}
