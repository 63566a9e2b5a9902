namespace PowRegistry.Core.Names;

/// <summary>Where a Korean name written in Hangul divides into surname and given name.</summary>
internal static class KoreanName
{
    /// <summary>
    /// Splits a Hangul name: at the first space when there is one ("리 영철"); otherwise after a two-syllable surname
    /// from <see cref="SurnameTable"/> when at least one syllable follows (남궁민), else after the first syllable (리영철 → 리, 영철).
    /// A single syllable is a surname alone.
    /// </summary>
    public static (string Family, string Given) Split(string hangulName)
    {
        ArgumentNullException.ThrowIfNull(hangulName);
        var name = hangulName.Trim();
        var space = name.IndexOfAny([' ', '\u3000']);
        if (space > 0) return (name[..space], string.Concat(name[(space + 1)..].Where(c => !char.IsWhiteSpace(c))));
        var familyLength = name.Length >= 3 && SurnameTable.IsCompound(name[..2]) ? 2 : Math.Min(1, name.Length);
        return (name[..familyLength], name[familyLength..]);
    }
}
