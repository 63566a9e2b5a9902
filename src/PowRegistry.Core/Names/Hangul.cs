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

/// <summary>Indices of the jamo the rules below talk about (positions in the Unicode order).</summary>
internal static class Jamo
{
    // Initials: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
    public const int G = 0, N = 2, D = 3, R = 5, M = 6, B = 7, S = 9, Silent = 11, J = 12, Ch = 14, T = 16;

    // Medials: ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
    public const int Yae = 3, E = 5, Ye = 7, Wi = 16, Ui = 19, I = 20;

    /// <summary>ㅣ and the vowels that start with a y-glide (ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ): the ones before which the initial-sound rule drops ㄹ and ㄴ.</summary>
    public static bool IsIotated(int medial) => medial is 2 or 3 or 6 or 7 or 12 or 17 or I;

    // Finals: (none) ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
    public const int FinalNg = 21;
}

/// <summary>
/// The initial-sound rule (두음법칙). South Korean spelling drops or changes an initial ㄹ or ㄴ at the start of a
/// word (and of each part of a name: the surname and the given name): ㄹ and ㄴ before ㅣ or a y-vowel become silent
/// (리→이, 녀→여, 류→유, 룡→용), ㄹ before other vowels becomes ㄴ (로→노, 라→나, 뢰→뇌). North Korean spelling keeps them.
/// The rule is applied to the jamo, so it covers every syllable (with any final), not a list of examples.
/// </summary>
internal static class InitialSoundRule
{
    /// <summary>The South Korean spelling of a syllable that starts a word: 리→이, 로→노, 녀→여; anything else unchanged.</summary>
    public static char ToSouth(char syllable)
    {
        if (!HangulSyllable.IsSyllable(syllable)) return syllable;
        var s = HangulSyllable.Of(syllable);
        var iotated = Jamo.IsIotated(s.Medial);
        return s.Initial switch
        {
            Jamo.R => (s with { Initial = iotated ? Jamo.Silent : Jamo.N }).ToChar(),
            Jamo.N when iotated => (s with { Initial = Jamo.Silent }).ToChar(),
            _ => syllable,
        };
    }

    /// <summary>
    /// Every spelling a word-initial syllable may have in either Korea: itself, its South Korean form, and the North
    /// Korean forms that the South Korean form may stand for (이 → 이, 리, 니; 노 → 노, 로; 리 → 리, 이, 니).
    /// </summary>
    public static IReadOnlyList<char> BothWays(char syllable)
    {
        var forms = new List<char> { syllable };
        if (!HangulSyllable.IsSyllable(syllable)) return forms;
        var south = ToSouth(syllable);
        Add(south);
        var s = HangulSyllable.Of(south);
        if (s.Initial == Jamo.Silent && Jamo.IsIotated(s.Medial))
        {
            Add((s with { Initial = Jamo.R }).ToChar());
            Add((s with { Initial = Jamo.N }).ToChar());
        }
        else if (s.Initial == Jamo.N && !Jamo.IsIotated(s.Medial))
        {
            Add((s with { Initial = Jamo.R }).ToChar());
        }
        return forms;

        void Add(char form)
        {
            if (!forms.Contains(form)) forms.Add(form);
        }
    }
}
