using System.Buffers;
using System.Globalization;

namespace PowRegistry.Core.Names;

/// <summary>
/// Reads a Cyrillic (Russian or Ukrainian) spelling of a Korean name into Latin letters, keeping open what the Cyrillic
/// leaves open: Kontsevich writes both ㄴ and ㅇ at the end of a syllable as н (Ён is 연 or 영; нъ is always ㅇ), and traditional Russian
/// spellings use е for ㅓ and ㅕ as well as ㅔ and ㅐ (Ким Чен Ын, Пхеньян, Сеул). Each such letter gives two or four readings.
/// Ukrainian и is ㅡ (Russian ы); Russian и is ㅣ (Ukrainian і). A name is read as Ukrainian when it has і, ї, є or ґ.
/// </summary>
internal static class Cyrillic
{
    private const int MaxReadings = 64;

    private static readonly Dictionary<char, string> Letters = new()
    {
        ['а'] = "a",
        ['б'] = "b",
        ['в'] = "v",
        ['г'] = "g",
        ['ґ'] = "g",
        ['д'] = "d",
        ['ё'] = "yo",
        ['ж'] = "zh",
        ['з'] = "z",
        ['к'] = "k",
        ['л'] = "l",
        ['м'] = "m",
        ['о'] = "o",
        ['п'] = "p",
        ['р'] = "r",
        ['с'] = "s",
        ['т'] = "t",
        ['у'] = "u",
        ['ф'] = "f",
        ['х'] = "h",
        ['ц'] = "ts",
        ['ч'] = "ch",
        ['ш'] = "sh",
        ['щ'] = "shch",
        ['ы'] = "eu",
        ['э'] = "e",
        ['ю'] = "yu",
        ['я'] = "ya",
        ['і'] = "i",
        ['ї'] = "yi",
        ['є'] = "ye",
        ['ъ'] = "",
        ['\''] = "",
        ['’'] = "",
        ['ʼ'] = "",
    };

    private const string Vowels = "аеёиоуыэюяіїє";

    private static readonly SearchValues<char> UkrainianLetters = SearchValues.Create("іїєґІЇЄҐ");

    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    /// <summary>True when the text has a letter only Ukrainian uses (і ї є ґ).</summary>
    public static bool LooksUkrainian(string text) =>
        text.AsSpan().ContainsAny(UkrainianLetters);

    /// <summary>The Latin readings of one Cyrillic word, lower case; at most 64.</summary>
    public static IReadOnlyList<string> ToLatin(string word, bool ukrainian)
    {
        ArgumentNullException.ThrowIfNull(word);
        var text = word.ToLower(CultureInfo.InvariantCulture);
        var readings = new List<string> { "" };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            var previous = i > 0 ? text[i - 1] : '\0';
            string[] options = c switch
            {
                'н' when next is 'ъ' or '\'' or '’' or 'ʼ' => ["ng"], // Kontsevich's нъ (Ukrainian н') is ㅇ before a vowel
                'н' => ["n", "ng"], // before a vowel too: not every writer marks ㅇ with ъ (Ким Чонын)
                'е' when IsConsonant(previous) => ["e", "ye", "o", "yo"],
                'е' => ukrainian ? ["e"] : ["ye", "yo"], // Ukrainian е is always e; є is ye
                'и' => [ukrainian ? "eu" : "i"],
                'й' => [IsVowel(next) ? "y" : "i"],
                'ь' => [next == 'о' ? "y" : ""], // Ukrainian ьо is yo
                _ => [Letters.TryGetValue(c, out var latin) ? latin : c.ToString()],
            };
            if (c == 'н' && options is ["ng"]) i++;
            readings = Extend(readings, options);
        }
        return readings;
    }

    private static List<string> Extend(List<string> readings, string[] options)
    {
        if (options.Length == 1) return readings.ConvertAll(r => r + options[0]);
        var extended = new List<string>(Math.Min(readings.Count * options.Length, MaxReadings));
        foreach (var option in options)
        {
            foreach (var reading in readings)
            {
                if (extended.Count == MaxReadings) return extended;
                extended.Add(reading + option);
            }
        }
        return extended;
    }

    private static bool IsVowel(char c) => Vowels.Contains(c, StringComparison.Ordinal);

    private static bool IsConsonant(char c) => IsCyrillic(c) && char.IsLetter(c) && !IsVowel(c) && c is not ('ь' or 'ъ' or 'й');
}
