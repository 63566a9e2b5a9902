namespace PowRegistry.Core.Names;

/// <summary>
/// One Hangul syllable taken apart by arithmetic: Unicode lays out all 11,172 syllables from U+AC00 as
/// (initial × 21 + medial) × 28 + final, with 19 initials, 21 medials and 28 finals (0 = none).
/// </summary>
internal readonly record struct HangulSyllable(int Initial, int Medial, int Final)
{
    public const char First = '\uAC00';
    public const char Last = '\uD7A3';
    public const int Initials = 19;
    public const int Medials = 21;
    public const int Finals = 28;

    public static bool IsSyllable(char c) => c is >= First and <= Last;

    public static HangulSyllable Of(char syllable)
    {
        if (!IsSyllable(syllable)) throw new ArgumentOutOfRangeException(nameof(syllable), "Not a Hangul syllable.");
        var index = syllable - First;
        return new(index / (Medials * Finals), index / Finals % Medials, index % Finals);
    }

    public char ToChar() => (char)(First + (((Initial * Medials) + Medial) * Finals) + Final);
}
