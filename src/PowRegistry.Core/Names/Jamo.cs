namespace PowRegistry.Core.Names;

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
