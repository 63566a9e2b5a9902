using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace PowRegistry.Core.Audit;

public sealed record FieldChange(string Field, string? Old, string? New)
{
    /// <summary>
    /// Names in Hangul and Cyrillic stay as they are (UTF-8) instead of six-character \uXXXX escapes: a Korean name's
    /// entry is half the size, and its text can be read and searched in the stored trail. HTML-sensitive characters
    /// are still escaped. How entries were written before does not matter: each entry's digest covers its text as stored.
    /// </summary>
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    // One buffer and writer per thread, reset for each entry: an import writes some 60,000 entries per 20,000 rows.
    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;
    [ThreadStatic] private static Utf8JsonWriter? _writer;

    /// <summary>
    /// The audit entry's <c>Changes</c> column: a JSON array of {"Field", "Old", "New"} objects, nulls written. Written
    /// straight rather than through JsonSerializer, byte for byte what the serializer wrote for a list of these records
    /// (FieldChangeTests), since each entry's seal covers its text.
    /// </summary>
    public static string ToJson(IEnumerable<FieldChange> changes)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = _writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder });
        writer.Reset(buffer);
        writer.WriteStartArray();
        foreach (var change in changes)
        {
            writer.WriteStartObject();
            writer.WriteString(nameof(Field), change.Field);
            writer.WriteString(nameof(Old), change.Old);
            writer.WriteString(nameof(New), change.New);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
