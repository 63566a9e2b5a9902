using System.Globalization;
using System.Text;

namespace PowRegistry.Core.Common;

public static class Text
{
    /// <summary>Trims, turns blank into null, and removes control characters (tabs and newlines survive only when allowed).</summary>
    public static string? Clean(string? value, bool multiline = false)
    {
        if (value is null) return null;
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (multiline && (c == '\n' || c == '\r' || c == '\t')) { builder.Append(c); continue; }
            if (char.IsControl(c)) continue;
            builder.Append(c);
        }
        var cleaned = builder.ToString().Trim();
        return cleaned.Length == 0 ? null : cleaned.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Folds case and accents so that "Ri", "RI" and "Rí" compare equal. Hangul syllables are kept whole.</summary>
    public static string Fold(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(c);
        }
        return builder.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }
}
