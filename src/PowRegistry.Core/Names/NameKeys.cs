using System.Globalization;
using System.Text;

namespace PowRegistry.Core.Names;

/// <summary>
/// Search keys for personal names, so that one man is found whichever way his name was written: Hangul of the North
/// or the South (리영철, 이영철), the South's or the North's romanization (Yi Yeong-cheol, Ri Yong Chol), Russian or
/// Ukrainian Cyrillic (Ли Ён Чхоль, Рі Йон Чхоль), or a family's or reporter's spelling (Lee Young-chul, Rhee).
/// Pure functions; no database.
/// <para>
/// <b>Storing.</b> For every name held for a person (his name, each alias, the name on each document) store
/// <see cref="For(string?)"/> (or <see cref="For(string?, string?)"/> when family and given names are separate
/// fields) as rows (person, key), indexed on key. Keep them apart from any other search terms: keys are a different
/// alphabet. Keys are lower-case ASCII letters, at most <see cref="MaxKeyLength"/> long; a name gives a few dozen.
/// </para>
/// <para>
/// <b>Searching.</b> Turn what the officer typed into terms with <see cref="ForQuery"/>: one term per name word
/// (a Hangul name written without spaces counts as two words, surname and given name). A person is found when
/// <em>every</em> term matches <em>some</em> stored key of his (across all his names), where a key matches a term when
/// it is in <see cref="NameQueryTerm.Exact"/> or starts with one of <see cref="NameQueryTerm.Prefixes"/> (a range
/// scan, as in ADR-003). <see cref="Matches"/> does exactly this in memory.
/// </para>
/// <para>
/// <b>Duplicates.</b> Two names are the same name when each, as a query, finds the other: <see cref="SameName"/>.
/// Find candidates through the index, then confirm with <see cref="SameName"/> and the date of birth.
/// </para>
/// See docs/decisions/ADR-008-name-keys.md for what is covered and what is not.
/// </summary>
public static class NameKeys
{
    public const int MaxKeyLength = 64;
    public const int MaxQueryWords = 8;
    private const int MaxReadings = 64;

    private enum Script { Latin, Cyrillic, Hangul }

    private enum Role { Unknown, Family, Given }

    private sealed record Unit(Script Script, Role Role, IReadOnlyList<string> Parts, bool Ukrainian)
    {
        public string Text => string.Concat(Parts);

        /// <summary>Everything its keys depend on, as one text (parts never hold control characters).</summary>
        public string MemoKey => $"{(int)Script}{(int)Role}{(Ukrainian ? 1 : 0)}{string.Join('\u001f', Parts)}";
    }

    private static readonly Transcription[] LatinSystems =
        [Transcription.RevisedRomanization, Transcription.McCuneReischauer, Transcription.NorthKorean];

    private static readonly Lazy<Dictionary<Surname, HashSet<string>>> SurnameKeys = new(
        () => SurnameTable.All.ToDictionary(s => s, KeysOfSurname));

    /// <summary>
    /// The keys to store for one full name in any script and order ("리영철", "Ri Yong Chol", "Yongchol Ri",
    /// "Ли Ён Чхоль"). A Hangul word written without a space is split after the surname.
    /// <para>
    /// The keys are: for each word, the key of the whole word; for a word in parts (hyphens, or Hangul syllables),
    /// the key of each part; for a Latin or Cyrillic word written in one piece, the keys of the syllables it can be cut
    /// into ("yongcol" also gives "yong" and "col"); for runs of two or three neighbouring words, the key of the words
    /// joined, so "Yong Chol", "Yong-chol" and "Yongchol" all have "yongcol"; and for a word that is a known surname
    /// spelling (<see cref="SurnameTable"/>), the keys of all that surname's spellings.
    /// </para>
    /// </summary>
    public static IReadOnlySet<string> For(string? name) => NameKeyMemo.For(name, KeysOf);

    private static IReadOnlySet<string> KeysOf(string? name) => Keys(Units(name, Role.Unknown, IsUkrainian(name)));

    /// <summary>
    /// The keys to store when the family name and the given names are held apart: as <see cref="For(string?)"/>, but
    /// Hangul is not split, and only the family name is looked up as a surname.
    /// </summary>
    public static IReadOnlySet<string> For(string? familyName, string? givenNames) => NameKeyMemo.For(familyName, givenNames, KeysOf);

    private static IReadOnlySet<string> KeysOf((string? FamilyName, string? GivenNames) name)
    {
        var (familyName, givenNames) = name;
        var ukrainian = IsUkrainian(familyName) || IsUkrainian(givenNames);
        return Keys([.. Units(familyName, Role.Family, ukrainian), .. Units(givenNames, Role.Given, ukrainian)]);
    }

    /// <summary>
    /// How to search for what an officer typed: one term per name word, at most <see cref="MaxQueryWords"/>.
    /// A word that is a known surname spelling ("Lee", "Ри", "Park", "김") must meet a stored key exactly, so "Lee"
    /// does not find "Lim" or "In". Any other word matches stored keys that start with it, so "Yong" finds "Yongchol"
    /// and "Kim Jong" finds Kim Jong Un. The last word, which may be half typed, also stands for its likely endings
    /// ("Ye" for "Yeo", "Pa" for "Pae"). Words that give no key (digits, punctuation) are left out.
    /// </summary>
    public static IReadOnlyList<NameQueryTerm> ForQuery(string? typed) => NameKeyMemo.ForQuery(typed, TermsOf);

    private static IReadOnlyList<NameQueryTerm> TermsOf(string? typed)
    {
        var units = Units(typed, Role.Unknown, IsUkrainian(typed)).Take(MaxQueryWords).ToList();
        var terms = new List<NameQueryTerm>();
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            var whole = WholeKeys(Readings(unit));
            var surnames = SurnamesOf(unit);
            NameQueryTerm term;
            if (surnames.Count > 0)
            {
                whole.UnionWith(surnames.SelectMany(s => SurnameKeys.Value[s]));
                term = new NameQueryTerm(Clean(whole), new HashSet<string>(StringComparer.Ordinal));
            }
            else
            {
                if (i == units.Count - 1 && unit.Script == Script.Latin) whole.UnionWith(Completions(unit));
                term = new NameQueryTerm(new HashSet<string>(StringComparer.Ordinal), Clean(whole));
            }
            if (term.Exact.Count + term.Prefixes.Count > 0) terms.Add(term);
        }
        return terms;
    }

    /// <summary>True when every term matches some key (see <see cref="NameQueryTerm.Matches"/>); false for no terms.</summary>
    public static bool Matches(IReadOnlyList<NameQueryTerm> query, IReadOnlySet<string> keys)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(keys);
        if (query.Count == 0) return false;
        for (var i = 0; i < query.Count; i++)
        {
            if (!AnyMatches(query[i], keys)) return false;
        }
        return true;
    }

    // Loops, not LINQ: an import asks this for every pair of names it compares, and each call's lambdas and enumerators
    // were garbage. The keys are a HashSet whenever they come from here, whose enumerator is a struct.
    private static bool AnyMatches(NameQueryTerm term, IReadOnlySet<string> keys)
    {
        if (keys is HashSet<string> set)
        {
            foreach (var key in set)
            {
                if (term.Matches(key)) return true;
            }
            return false;
        }
        foreach (var key in keys)
        {
            if (term.Matches(key)) return true;
        }
        return false;
    }

    /// <summary>True when each name, typed as a query, finds the other: "Lee Young-chul" and "리영철", but not "Lee" and "Lee Young-chul".</summary>
    public static bool SameName(string? a, string? b) =>
        Matches(ForQuery(a), For(b)) && Matches(ForQuery(b), For(a));

    private static HashSet<string> Keys(List<Unit> units)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var wholes = new List<HashSet<string>>();
        foreach (var unit in units)
        {
            // Names repeat their words (surnames above all): an import works each word's keys out once (NameKeyMemo).
            var (whole, own) = NameKeyMemo.ForWord(unit.MemoKey, unit, KeysOfWord);
            wholes.Add(whole);
            keys.UnionWith(own);
        }
        for (var start = 0; start < wholes.Count; start++)
        {
            for (var length = 2; length <= 3 && start + length <= wholes.Count; length++)
            {
                var joined = new List<string[]> { Array.Empty<string>() };
                foreach (var whole in wholes.Skip(start).Take(length))
                {
                    joined = joined.SelectMany(j => whole.Select(w => (string[])[.. j, w])).Take(MaxReadings).ToList();
                }
                keys.UnionWith(joined.Select(j => PhoneticKey.AtWordStart(PhoneticKey.Join(j))));
            }
        }
        return Clean(keys);
    }

    /// <summary>
    /// A unit's keys on its own: <c>Whole</c> (<see cref="WholeKeys"/>), and <c>Own</c>, which adds its pieces' keys and
    /// its surname's spellings, in that order, so that a name's keys come out in the same order as when each was added
    /// straight to the name's set (search terms are written in that order).
    /// </summary>
    private static (HashSet<string> Whole, HashSet<string> Own) KeysOfWord(Unit unit)
    {
        var readings = Readings(unit);
        var whole = WholeKeys(readings);
        var own = new HashSet<string>(StringComparer.Ordinal);
        own.UnionWith(whole);
        own.UnionWith(PieceKeys(unit, readings, whole));
        foreach (var surname in SurnamesOf(unit)) own.UnionWith(SurnameKeys.Value[surname]);
        return (whole, own);
    }

    /// <summary>Keys of the whole unit: the reading as one word, and its parts' keys joined.</summary>
    private static HashSet<string> WholeKeys(List<string[]> readings)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reading in readings)
        {
            keys.Add(PhoneticKey.Of(string.Concat(reading)));
            if (reading.Length > 1)
            {
                keys.Add(PhoneticKey.AtWordStart(PhoneticKey.Join(reading.Select((part, i) => PhoneticKey.Of(part, wordStart: i == 0)))));
            }
        }
        return keys;
    }

    private static HashSet<string> PieceKeys(Unit unit, List<string[]> readings, HashSet<string> whole)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reading in readings.Where(r => r.Length > 1))
        {
            foreach (var part in reading) keys.Add(PhoneticKey.Of(part));
        }
        if (unit.Script != Script.Hangul)
        {
            foreach (var key in whole) keys.UnionWith(PhoneticKey.Syllables(key));
        }
        return keys;
    }

    /// <summary>
    /// The Latin readings of a unit, each as its parts: a Latin word with the press's "u" for ㅓ read both ways
    /// (Chul = Chol, Sung = Song, Hyun = Hyon); a Cyrillic word with what Cyrillic leaves open (<see cref="Cyrillic"/>);
    /// a Hangul word in both orthographies (<see cref="InitialSoundRule"/>), under each romanization, with and
    /// without sound changes, syllable by syllable.
    /// </summary>
    private static List<string[]> Readings(Unit unit)
    {
        if (unit.Script == Script.Hangul) return HangulReadings(unit.Text);
        var options = unit.Script == Script.Latin
            ? unit.Parts.Select(PhoneticKey.Letters).Where(p => p.Length > 0).Select(LatinVariants).ToList()
            : unit.Parts.Select(p => Cyrillic.ToLatin(p, unit.Ukrainian)).ToList();
        var readings = new List<string[]> { Array.Empty<string>() };
        foreach (var choice in options)
        {
            readings = readings.SelectMany(r => choice.Select(c => (string[])[.. r, c])).Take(MaxReadings).ToList();
        }
        return readings.Where(r => r.Length > 0).ToList();
    }

    private static List<string[]> HangulReadings(string word)
    {
        var readings = new List<string[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var first in InitialSoundRule.BothWays(word[0]))
        {
            var form = first + word[1..];
            foreach (var system in LatinSystems)
            {
                foreach (var soundChanges in (bool[])[true, false])
                {
                    var syllables = Romanizer.Syllables(form, system, soundChanges).ToArray();
                    if (seen.Add(string.Join('|', syllables))) readings.Add(syllables);
                }
            }
        }
        return readings;
    }

    /// <summary>The spelling and, for each "u" the press may write for ㅓ (after a consonant, before a consonant), the spelling with "o".</summary>
    private static IReadOnlyList<string> LatinVariants(string letters)
    {
        var variants = new List<string> { letters };
        for (var i = 1; i + 1 < letters.Length && variants.Count < 8; i++)
        {
            if (letters[i] != 'u' || letters[i - 1] is 'e' or 'o' || !IsLatinConsonant(letters[i + 1])) continue;
            if (!letters[..i].Any(IsLatinConsonant)) continue;
            variants.AddRange(variants.Select(v => v[..i] + "o" + v[(i + 1)..]).ToList());
        }
        return variants;
    }

    private static bool IsLatinConsonant(char c) => c is >= 'a' and <= 'z' && "aeiouyw".IndexOf(c, StringComparison.Ordinal) < 0;

    /// <summary>Keys for likely endings of a half-typed last word: "Ye" may become "Yeo" or "Yeu", "Pa" "Pae", "Cho" "Choe".</summary>
    private static HashSet<string> Completions(Unit unit)
    {
        var letters = PhoneticKey.Letters(unit.Parts[^1]);
        string[] endings = letters.Length == 0 ? [] : letters[^1] switch
        {
            'e' => ["o", "u"],
            'a' => ["e"],
            'o' => ["e", "o"],
            _ => [],
        };
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ending in endings)
        {
            var completed = unit with { Parts = [.. unit.Parts.SkipLast(1), unit.Parts[^1] + ending] };
            keys.UnionWith(WholeKeys(Readings(completed)));
        }
        return keys;
    }

    private static IReadOnlyList<Surname> SurnamesOf(Unit unit) => unit switch
    {
        { Role: Role.Given } => [],
        { Script: Script.Hangul, Role: Role.Unknown } when unit.Text.Length > 1 && !SurnameTable.IsCompound(unit.Text) => [],
        { Script: Script.Cyrillic, Ukrainian: true } when unit.Text.Contains('и', StringComparison.OrdinalIgnoreCase) => [], // the table's и is Russian (ㅣ)
        _ => SurnameTable.Find(unit.Text),
    };

    /// <summary>A surname's keys: those of its Hangul and Latin spellings. Cyrillic spellings only lead to the surname.</summary>
    private static HashSet<string> KeysOfSurname(Surname surname)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hangul in surname.AllHangul)
        {
            var unit = new Unit(Script.Hangul, Role.Family, [hangul], false);
            keys.UnionWith(WholeKeys(Readings(unit)));
        }
        foreach (var latin in surname.AllLatin)
        {
            var unit = new Unit(Script.Latin, Role.Family, [latin], false);
            keys.UnionWith(WholeKeys(Readings(unit)));
        }
        keys.Remove("");
        return keys;
    }

    private static List<Unit> Units(string? name, Role role, bool ukrainian)
    {
        var units = new List<Unit>();
        if (string.IsNullOrWhiteSpace(name)) return units;
        foreach (var word in Words(name.Normalize(NormalizationForm.FormKC)))
        {
            var runs = word.Select(ScriptRuns).ToList();
            var scripts = runs.SelectMany(r => r).Select(r => r.Script).Distinct().ToList();
            if (runs.All(r => r.Count == 1) && scripts.Count == 1)
            {
                units.Add(new Unit(scripts[0], role, runs.Select(r => r[0].Text).ToList(), ukrainian));
            }
            else
            {
                units.AddRange(runs.SelectMany(r => r).Select(r => new Unit(r.Script, role, [r.Text], ukrainian)));
            }
        }
        return role == Role.Unknown ? SplitHangulName(units) : units;
    }

    /// <summary>
    /// "리영철" is a surname and a given name: a Hangul word is split after its surname when it is the whole name and
    /// has two or more syllables, or when it comes first and has three or more.
    /// </summary>
    private static List<Unit> SplitHangulName(List<Unit> units)
    {
        var result = new List<Unit>();
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            var length = unit.Text.Length;
            var split = unit.Script == Script.Hangul && ((units.Count == 1 && length >= 2) || (i == 0 && length >= 3));
            if (!split) { result.Add(unit); continue; }
            var (family, given) = KoreanName.Split(unit.Text);
            result.Add(unit with { Role = Role.Family, Parts = [family] });
            result.Add(unit with { Role = Role.Given, Parts = [given] });
        }
        return result;
    }

    /// <summary>Words (split at spaces and punctuation), each as its parts (split at hyphens). Apostrophes stay in the part.</summary>
    private static List<List<string>> Words(string text)
    {
        var words = new List<List<string>>();
        var parts = new List<string>();
        var part = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetter(c) || IsApostrophe(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                part.Append(c);
                continue;
            }
            if (part.Length > 0) { parts.Add(part.ToString()); part.Clear(); }
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation) continue;
            if (parts.Count > 0) { words.Add(parts); parts = []; }
        }
        return words;
    }

    private static List<(Script Script, string Text)> ScriptRuns(string part)
    {
        var runs = new List<(Script Script, string Text)>();
        var run = new StringBuilder();
        Script? current = null;
        foreach (var c in part)
        {
            Script? script = HangulSyllable.IsSyllable(c) ? Script.Hangul
                : Cyrillic.IsCyrillic(c) ? Script.Cyrillic
                : char.IsLetter(c) ? Script.Latin
                : null; // apostrophes and combining marks stay with the letter before them
            if (script is not null && current is not null && script != current)
            {
                runs.Add((current.Value, run.ToString()));
                run.Clear();
            }
            current = script ?? current;
            run.Append(c);
        }
        if (current is not null) runs.Add((current.Value, run.ToString()));
        return runs;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’' or '‘' or 'ʼ' or 'ʻ' or '`' or '´';

    private static bool IsUkrainian(string? text) => text is not null && Cyrillic.LooksUkrainian(text);

    private static HashSet<string> Clean(IEnumerable<string> keys) =>
        keys.Where(k => k.Length > 0).Select(k => k.Length > MaxKeyLength ? k[..MaxKeyLength] : k).ToHashSet(StringComparer.Ordinal);
}
