using System.Text;

namespace PowRegistry.Core.Prisoners;

/// <summary>A position in the register: the sort key and id of a row. Opaque to users (base64url text).</summary>
public sealed record RegisterCursor(string Key, int Id)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Id}\u001f{Key}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes a cursor; null for anything malformed (a tampered link shows the first page, never an error).</summary>
    public static RegisterCursor? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 1000) return null;
        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var separator = decoded.IndexOf('\u001f', StringComparison.Ordinal);
            if (separator < 0 || !int.TryParse(decoded[..separator], System.Globalization.CultureInfo.InvariantCulture, out var id)) return null;
            return new RegisterCursor(decoded[(separator + 1)..], id);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
