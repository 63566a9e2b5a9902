using System.Text;

namespace PowRegistry.Core.Exchange;

/// <summary>
/// RFC 4180 CSV, by hand: strict UTF-8, quoted cells (with "" and line breaks inside), and every limit checked as it
/// reads, so a hostile file is refused with a message instead of exhausting memory. Hand-written rather than
/// CsvHelper because the rules we need (strict decoding, ragged rows, formula cells, limits) are all refusals,
/// which are simpler to state here than to configure there.
/// </summary>
public static class Csv
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the whole file; <paramref name="maxRecords"/> counts the header too.</summary>
    public static CsvReadResult Read(ReadOnlySpan<byte> bytes, int maxRecords, int maxCellLength)
    {
        if (bytes.Length == 0) return CsvReadResult.Refused("Csv.Empty");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return CsvReadResult.Refused("Csv.NotUtf8");
        }
        if (text.Contains('\0', StringComparison.Ordinal)) return CsvReadResult.Refused("Csv.Nul");

        var records = new List<CsvRecord>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var cellStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n') line++;
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0 && !cellStarted)
            {
                quoted = true;
                cellStarted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
                cellStarted = false;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                EndRecord();
                line++;
                recordLine = line;
            }
            else
            {
                if (c == '"') return CsvReadResult.Refused("Csv.QuoteInCell", line);
                cell.Append(c);
                cellStarted = true;
            }
            if (cell.Length > maxCellLength) return CsvReadResult.Refused("Csv.CellTooLong", recordLine, maxCellLength);
            if (records.Count > maxRecords) return CsvReadResult.Refused("Csv.TooManyRows", maxRecords - 1);
        }
        if (quoted) return CsvReadResult.Refused("Csv.UnclosedQuote", recordLine);
        EndRecord();
        if (records.Count > maxRecords) return CsvReadResult.Refused("Csv.TooManyRows", maxRecords - 1);
        return new CsvReadResult(records, null);

        void EndRecord()
        {
            cells.Add(cell.ToString());
            cell.Clear();
            cellStarted = false;
            // A blank line (one empty cell) is skipped, as spreadsheets write them at the end.
            if (!(cells.Count == 1 && cells[0].Length == 0)) records.Add(new CsvRecord(recordLine, cells.ToList()));
            cells.Clear();
        }
    }

    /// <summary>
    /// A cell a spreadsheet would run as a formula (OWASP CSV injection): it starts with =, +, -, @, a tab or a carriage return.
    /// </summary>
    public static bool LooksLikeFormula(string? value) => value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>Makes a cell safe to open in a spreadsheet: a formula-like cell gets a leading apostrophe, so it is shown as text.</summary>
    public static string Neutralise(string? value) => LooksLikeFormula(value) ? "'" + value : value ?? "";

    /// <summary>One CSV line (CRLF-terminated), every cell neutralised and quoted where needed.</summary>
    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(c => Quote(Neutralise(c)))) + "\r\n";

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
