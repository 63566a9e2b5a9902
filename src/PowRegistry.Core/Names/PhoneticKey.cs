using System.Globalization;
using System.Text;

namespace PowRegistry.Core.Names;

/// <summary>
/// The key two spellings of one Korean syllable or word share, whatever system wrote them: a short string of
/// lower-case ASCII letters. It folds away exactly what the systems disagree on, and no more:
/// <list type="bullet">
/// <item>plain, tense and aspirated consonants, voiced or not: g/k/kk/kh → k, d/t/tt/th → t, b/p/pp/ph → p,
/// j/ch/jj/tch/chh (Cyrillic ч, чх, дж) → c, s/ss/sh → s, r/l → l, v → w;</item>
/// <item>ㅓ and ㅗ → o (eo, ŏ, o, ou), ㅜ and ㅡ → u (u, eu, ŭ, oo), ㅐ and ㅔ → e (ae, e), ㅕ and ㅛ → yo (yeo, yŏ, yo),
/// ㅚ ㅙ ㅞ → we, ㅢ after a consonant → i (hui, hee);</item>
/// <item>doubled letters, and an h after a vowel that does not start a syllable (Ahn, Oh, Noh);</item>
/// <item>at the start of a word, the initial-sound rule: r, l or n before i or y is dropped and r, l before another vowel
/// becomes n, so Ri, Li, Lee and Yi all give i, Ryong gives yong, Ro gives no.</item>
/// </list>
/// It keeps ng apart from n (Jeong is not Jeon), ㅏ apart from ㅐ (Pak is not Paek), the vowels apart from each other
/// otherwise, and k, t, p, c, s, h, m, n, l apart.
/// </summary>
internal static class PhoneticKey
{
    private static readonly Dictionary<string, string> Spellings = new(StringComparer.Ordinal)
    {
        // vowels
        ["yeo"] = "yo",
        ["yae"] = "ye",
        ["wae"] = "we",
        ["weo"] = "wo",
        ["eui"] = "ui",
        ["eo"] = "o",
        ["eu"] = "u",
        ["ae"] = "e",
        ["oe"] = "we",
        ["oo"] = "u",
        ["ee"] = "i",
        ["ou"] = "o",
        ["a"] = "a",
        ["e"] = "e",
        ["i"] = "i",
        ["o"] = "o",
        ["u"] = "u",
        ["y"] = "y",
        ["w"] = "w",
        ["v"] = "w",
        // affricates
        ["tch"] = "c",
        ["chh"] = "c",
        ["dzh"] = "c",
        ["ch"] = "c",
        ["jj"] = "c",
        ["zh"] = "c",
        ["ts"] = "c",
        ["dz"] = "c",
        ["j"] = "c",
        ["z"] = "c",
        ["c"] = "c",
        // stops
        ["kk"] = "k",
        ["kh"] = "k",
        ["gh"] = "k",
        ["ck"] = "k",
        ["k"] = "k",
        ["g"] = "k",
        ["q"] = "k",
        ["tt"] = "t",
        ["th"] = "t",
        ["t"] = "t",
        ["d"] = "t",
        ["pp"] = "p",
        ["ph"] = "p",
        ["p"] = "p",
        ["b"] = "p",
        ["f"] = "p",
        // the rest
        ["ss"] = "s",
        ["sh"] = "s",
        ["s"] = "s",
        ["h"] = "h",
        ["ng"] = "ng",
        ["n"] = "n",
        ["m"] = "m",
        ["rh"] = "l",
        ["r"] = "l",
        ["l"] = "l",
    };

    private const string KeyVowels = "aeiou";

    /// <summary>
    /// The key of one Latin spelling (any case, accents and apostrophes ignored). <paramref name="wordStart"/> says
    /// whether the text starts a word, where the initial-sound rule applies.
    /// </summary>
    public static string Of(string latin, bool wordStart = true)
    {
        var letters = Letters(latin);
        var key = new StringBuilder(letters.Length);
        for (var i = 0; i < letters.Length;)
        {
            var length = Math.Min(3, letters.Length - i);
            for (; length > 0; length--)
            {
                if (Spellings.TryGetValue(letters.Substring(i, length), out var sound)) { key.Append(sound); break; }
            }
            if (length == 0) { key.Append(letters[i]); length = 1; }
            i += length;
        }
        return Tidy(key.ToString(), wordStart);
    }

    /// <summary>Keys of consecutive pieces of one word, joined (the seams tidied as within a word).</summary>
    public static string Join(IEnumerable<string> keys) => Tidy(string.Concat(keys), wordStart: false);

    /// <summary>The initial-sound rule on a key that now starts a word: lyong → yong, li → i, lo → no, yi → i.</summary>
    public static string AtWordStart(string key)
    {
        if (key.StartsWith("yi", StringComparison.Ordinal)) key = key[1..];
        if (key.Length > 1 && key[0] is 'l' or 'n' && key[1] is 'i' or 'y') return key[1..];
        return key.Length > 0 && key[0] == 'l' ? "n" + key[1..] : key;
    }

    /// <summary>
    /// The ways a key can be cut into Korean syllables ((consonant) (y|w) vowel (final)), as the syllables and every
    /// tail that starts at a cut: "yongcol" gives "yong", "col". So a Latin given name written in one word
    /// ("Yongchol") is still found by its second syllable ("Chol"). Keys that are not Korean-shaped give nothing.
    /// </summary>
    public static IReadOnlySet<string> Syllables(string key)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var cuts = new List<int>();
        Cut(0);
        return found;

        void Cut(int start)
        {
            if (found.Count > 16 || cuts.Count > 6) return;
            if (start == key.Length)
            {
                if (cuts.Count < 2) return;
                for (var c = 0; c < cuts.Count; c++)
                {
                    var end = c + 1 < cuts.Count ? cuts[c + 1] : key.Length;
                    found.Add(AtWordStart(key[cuts[c]..end]));
                    if (c > 0) found.Add(AtWordStart(key[cuts[c]..]));
                }
                return;
            }
            foreach (var end in SyllableEnds(key, start))
            {
                cuts.Add(start);
                Cut(end);
                cuts.RemoveAt(cuts.Count - 1);
            }
        }
    }

    private static IEnumerable<int> SyllableEnds(string key, int start)
    {
        var i = start;
        if (i < key.Length && "ktpcshmnl".Contains(key[i], StringComparison.Ordinal)) i++;
        if (i < key.Length && key[i] is 'y' or 'w') i++;
        if (i >= key.Length || !KeyVowels.Contains(key[i], StringComparison.Ordinal)) yield break;
        i++;
        if (i < key.Length && key[i - 1] == 'u' && key[i] == 'i') i++; // ㅢ
        yield return i;
        if (i + 1 < key.Length && key[i] == 'n' && key[i + 1] == 'g') yield return i + 2;
        if (i < key.Length && "ktpmnl".Contains(key[i], StringComparison.Ordinal)) yield return i + 1;
    }

    /// <summary>Lower-case ASCII letters only: accents, breves, apostrophes, hyphens and anything else dropped.</summary>
    internal static string Letters(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var letters = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var lower = char.ToLower(c, CultureInfo.InvariantCulture);
            if (lower is >= 'a' and <= 'z') letters.Append(lower);
        }
        return letters.ToString();
    }

    private static string Tidy(string key, bool wordStart)
    {
        var tidy = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            var previous = tidy.Length > 0 ? tidy[^1] : '\0';
            var next = i + 1 < key.Length ? key[i + 1] : '\0';
            if (c == 'u' && previous == 'w') { tidy[^1] = 'u'; continue; } // Woo: ㅜ
            if (c == 'h' && IsVowel(previous) && !(IsVowel(next) || next is 'y' or 'w')) continue; // Ahn, Oh, Noh
            if (c == 'u' && next == 'i' && IsConsonant(previous)) continue; // 희 hui, hee: ㅢ after a consonant is i
            if (c == 'y' && previous == 'c') continue; // 져 is 저
            if (c == previous) continue; // ll, nn, ss
            tidy.Append(c);
        }
        var result = tidy.ToString();
        return wordStart ? AtWordStart(result) : result;
    }

    private static bool IsVowel(char c) => KeyVowels.Contains(c, StringComparison.Ordinal) && c != '\0';

    private static bool IsConsonant(char c) => c is >= 'a' and <= 'z' && !IsVowel(c) && c is not ('y' or 'w');
}
