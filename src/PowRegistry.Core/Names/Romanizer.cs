using System.Globalization;
using System.Text;

namespace PowRegistry.Core.Names;

/// <summary>
/// Writes Hangul out under <see cref="Transcription"/> systems, syllable by syllable, with the sound changes at
/// syllable boundaries that change letters:
/// <list type="bullet">
/// <item>a final consonant moves to a following silent ㅇ (백암 Baegam, 설악 Seorak), with ㄷ/ㅌ + 이 becoming 지/치 (해돋이 haedoji);</item>
/// <item>ㄱ ㄷ ㅂ become nasal before ㄴ ㅁ (백마 Baengma, 독립문 Dongnimmun);</item>
/// <item>ㄴ + ㄹ and ㄹ + ㄴ become ll (신라 Silla, 별내 Byeollae); ㄹ after other consonants becomes ㄴ (종로 Jongno, 왕십리 Wangsimni) —
/// except in the North, which writes 압록 Amrok and ㄹㄹ as lr;</item>
/// <item>ㄱ ㄷ ㅂ ㅈ are voiced between voiced sounds in the systems that write it (MR, the North, Kontsevich).</item>
/// </list>
/// Not covered: ㄴ-insertion (학여울 Hangnyeoul), tensing in compounds, ㅎ-aspiration in verbs (좋고 joko), and word-structure
/// exceptions such as 신문로 Sinmunno. Revised Romanization writes given names without sound changes (한복남 Han Boknam).
/// </summary>
public static class Romanizer
{
    private enum Coda { None, K, N, T, L, M, P, Ng }

    private static readonly Coda[] CodaOfFinal =
    [
        Coda.None, Coda.K, Coda.K, Coda.K, Coda.N, Coda.N, Coda.N, Coda.T, Coda.L, Coda.K, Coda.M, Coda.L, Coda.L, Coda.L,
        Coda.P, Coda.L, Coda.M, Coda.P, Coda.P, Coda.T, Coda.T, Coda.Ng, Coda.T, Coda.T, Coda.K, Coda.T, Coda.P, Coda.T,
    ];

    /// <summary>Before a silent ㅇ, which part of each final stays and which initial it becomes in the next syllable (ㄳ → ㄱ stays, ㅅ moves).</summary>
    private static readonly (int Stays, int Moves)[] Liaison =
    [
        (0, 11), (0, 0), (0, 1), (1, 9), (0, 2), (4, 12), (0, 2), (0, 3), (0, 5), (8, 0), (8, 6), (8, 7), (8, 9), (8, 16),
        (8, 17), (0, 5), (0, 6), (0, 7), (17, 9), (0, 9), (0, 10), (21, 11), (0, 12), (0, 14), (0, 15), (0, 16), (0, 17), (0, 11),
    ];

    private sealed record Style(string[] Initials, string[] Vowels, string[] Codas, Dictionary<int, string> Voiced, string Lateral);

    //                                ㄱ    ㄲ    ㄴ   ㄷ    ㄸ    ㄹ   ㅁ   ㅂ    ㅃ    ㅅ   ㅆ    ㅇ  ㅈ    ㅉ     ㅊ     ㅋ    ㅌ    ㅍ    ㅎ
    private static readonly string[] RrInitials = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];
    private static readonly string[] MrInitials = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch'", "k'", "t'", "p'", "h"];
    private static readonly string[] NkInitials = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "kh", "th", "ph", "h"];
    private static readonly string[] KoInitials = ["к", "кк", "н", "т", "тт", "р", "м", "п", "пп", "с", "сс", "", "ч", "чч", "чх", "кх", "тх", "пх", "х"];

    //                              ㅏ    ㅐ     ㅑ     ㅒ      ㅓ     ㅔ    ㅕ      ㅖ     ㅗ    ㅘ     ㅙ      ㅚ     ㅛ     ㅜ    ㅝ     ㅞ     ㅟ     ㅠ     ㅡ     ㅢ     ㅣ
    private static readonly string[] RrVowels = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"];
    private static readonly string[] MrVowels = ["a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ", "we", "wi", "yu", "ŭ", "ŭi", "i"];
    private static readonly string[] NkVowels = ["a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"];
    private static readonly string[] RuVowels = ["а", "э", "я", "я", "о", "е", "ё", "е", "о", "ва", "вэ", "ве", "ё", "у", "во", "ве", "ви", "ю", "ы", "и", "и"];
    private static readonly string[] UkVowels = ["а", "е", "я", "я", "о", "е", "ьо", "е", "о", "ва", "ве", "ве", "ьо", "у", "во", "ве", "ві", "ю", "и", "і", "і"];

    //                                       none  K    N    T    L    M    P    Ng
    private static readonly string[] LatinCodas = ["", "k", "n", "t", "l", "m", "p", "ng"];
    private static readonly string[] CyrillicCodas = ["", "к", "н", "т", "ль", "м", "п", "н"];

    private static readonly Dictionary<int, string> NoVoicing = [];
    private static readonly Dictionary<int, string> LatinVoicing = new() { [Jamo.G] = "g", [Jamo.D] = "d", [Jamo.B] = "b", [Jamo.J] = "j" };
    private static readonly Dictionary<int, string> CyrillicVoicing = new() { [Jamo.G] = "г", [Jamo.D] = "д", [Jamo.B] = "б", [Jamo.J] = "дж" };

    private static Style StyleOf(Transcription system) => system switch
    {
        Transcription.RevisedRomanization => new(RrInitials, RrVowels, LatinCodas, NoVoicing, "l"),
        Transcription.McCuneReischauer => new(MrInitials, MrVowels, LatinCodas, LatinVoicing, "l"),
        Transcription.NorthKorean => new(NkInitials, NkVowels, LatinCodas, LatinVoicing, "l"),
        Transcription.Kontsevich => new(KoInitials, RuVowels, CyrillicCodas, CyrillicVoicing, "л"),
        Transcription.KontsevichUkrainian => new(KoInitials, UkVowels, CyrillicCodas, CyrillicVoicing, "л"),
        _ => throw new ArgumentOutOfRangeException(nameof(system)),
    };

    /// <summary>
    /// Writes out every run of Hangul syllables in <paramref name="text"/> as one word (lower case); anything else is copied.
    /// </summary>
    public static string Romanize(string text, Transcription system, bool soundChanges = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length * 3);
        var start = 0;
        while (start < text.Length)
        {
            if (!HangulSyllable.IsSyllable(text[start])) { result.Append(text[start++]); continue; }
            var end = start;
            while (end < text.Length && HangulSyllable.IsSyllable(text[end])) end++;
            foreach (var syllable in Syllables(text[start..end], system, soundChanges)) result.Append(syllable);
            start = end;
        }
        return result.ToString();
    }

    /// <summary>
    /// Writes out a Korean personal name the way each system writes names: family name, a space, then the given name —
    /// in one word without sound changes (Revised Romanization: Han Boknam), in one word with them (McCune–Reischauer,
    /// Kontsevich: Kim Ilsŏng), or syllable by syllable with the first one voiceless (the North: Pak Tong Gu).
    /// A name without a space is split after the surname (see <see cref="KoreanName.Split"/>).
    /// </summary>
    public static string RomanizeName(string hangulName, Transcription system)
    {
        var (family, given) = KoreanName.Split(hangulName);
        var words = new List<string>();
        if (family.Length > 0) words.Add(string.Concat(Syllables(family, system, soundChanges: true)));
        if (given.Length > 0)
        {
            var syllables = Syllables(given, system, soundChanges: system != Transcription.RevisedRomanization);
            if (system == Transcription.NorthKorean) words.AddRange(syllables);
            else words.Add(string.Concat(syllables));
        }
        return string.Join(' ', words.Select(Capitalise));
    }

    /// <summary>The transcription of each syllable of one Hangul word (lower case), after the sound changes of the whole word.</summary>
    internal static IReadOnlyList<string> Syllables(string word, Transcription system, bool soundChanges)
    {
        var syllables = word.Where(HangulSyllable.IsSyllable).Select(HangulSyllable.Of).ToArray();
        var n = syllables.Length;
        var onset = syllables.Select(s => s.Initial).ToArray();
        var final = syllables.Select(s => s.Final).ToArray();
        var lateral = new bool[n];
        var north = system == Transcription.NorthKorean;

        if (soundChanges)
        {
            for (var i = 0; i + 1 < n; i++)
            {
                if (onset[i + 1] != Jamo.Silent || final[i] == 0 || final[i] == Jamo.FinalNg) continue;
                var (stays, moves) = Liaison[final[i]];
                final[i] = stays;
                onset[i + 1] = syllables[i + 1].Medial == Jamo.I && moves is Jamo.D or Jamo.T ? (moves == Jamo.D ? Jamo.J : Jamo.Ch) : moves;
            }
        }

        var coda = final.Select(f => CodaOfFinal[f]).ToArray();
        for (var i = 0; i + 1 < n; i++)
        {
            if (onset[i + 1] == Jamo.R)
            {
                if (coda[i] == Coda.L)
                {
                    lateral[i + 1] = !north; // ㄹㄹ is ll; the North writes lr (찔레골 JJilregol)
                }
                else if (soundChanges && coda[i] == Coda.N) { coda[i] = Coda.L; lateral[i + 1] = true; }
                else if (soundChanges && coda[i] != Coda.None && !north)
                {
                    onset[i + 1] = Jamo.N;
                }
            }
            if (!soundChanges) continue;
            if (onset[i + 1] == Jamo.N && coda[i] == Coda.L) { onset[i + 1] = Jamo.R; lateral[i + 1] = true; }
            var nasal = onset[i + 1] is Jamo.N or Jamo.M || (north && onset[i + 1] == Jamo.R);
            if (nasal && coda[i] is Coda.K or Coda.T or Coda.P) coda[i] = coda[i] switch { Coda.K => Coda.Ng, Coda.T => Coda.N, _ => Coda.M };
        }

        var style = StyleOf(system);
        var cyrillic = system is Transcription.Kontsevich or Transcription.KontsevichUkrainian;
        var result = new string[n];
        for (var i = 0; i < n; i++)
        {
            var voiced = i > 0 && coda[i - 1] is Coda.None or Coda.N or Coda.L or Coda.M or Coda.Ng;
            var initial = lateral[i] ? style.Lateral
                : voiced && style.Voiced.TryGetValue(onset[i], out var voicedForm) ? voicedForm
                : style.Initials[onset[i]];
            var vowel = cyrillic ? CyrillicVowel(system, syllables[i].Medial, onset[i] != Jamo.Silent, i == 0) : style.Vowels[syllables[i].Medial];
            var next = i + 1 < n ? onset[i + 1] : -1;
            var end = style.Codas[(int)coda[i]];
            if (system == Transcription.McCuneReischauer && coda[i] == Coda.N && next == Jamo.G) end = "n'"; // Han'guk, not Hang-uk
            if (cyrillic && coda[i] == Coda.L && i + 1 < n && lateral[i + 1]) end = "л"; // Силла
            if (cyrillic && coda[i] == Coda.Ng && next == Jamo.Silent) end = system == Transcription.Kontsevich ? "нъ" : "н'"; // Пхёнъян
            result[i] = initial + vowel + end;
        }
        return result;
    }

    private static string CyrillicVowel(Transcription system, int medial, bool afterConsonant, bool wordStart)
    {
        var russian = system == Transcription.Kontsevich;
        return medial switch
        {
            Jamo.E when russian && !afterConsonant => "э",
            Jamo.Ye when !afterConsonant => russian ? "йе" : "є",
            Jamo.Yae when !afterConsonant => "йя",
            Jamo.Ui when wordStart && !afterConsonant => russian ? "ый" : "ий",
            6 or 12 when !russian && !afterConsonant => "йо", // ㅕ ㅛ
            _ => (russian ? RuVowels : UkVowels)[medial],
        };
    }

    private static string Capitalise(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
}
