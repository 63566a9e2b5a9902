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
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The audit entry's <c>Changes</c> column.</summary>
    public static string ToJson(IEnumerable<FieldChange> changes) => JsonSerializer.Serialize(changes, Json);
}
