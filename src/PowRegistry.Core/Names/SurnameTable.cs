using System.Globalization;

namespace PowRegistry.Core.Names;

/// <summary>
/// The common Korean surnames, embedded from <c>surnames.csv</c> (see its header for what it holds and where it comes from).
/// Looks a surname up by any of its spellings: Hangul of either Korea, Latin (any case, accents ignored) or Cyrillic.
/// </summary>
internal static class SurnameTable
{
    public static IReadOnlyList<Surname> All { get; } = Load();

    private static readonly Dictionary<string, List<Surname>> BySpelling = Index();

    /// <summary>The surnames that <paramref name="spelling"/> may be (e.g. "Song" is 송 or 성); empty when none.</summary>
    public static IReadOnlyList<Surname> Find(string spelling) =>
        BySpelling.TryGetValue(LookupForm(spelling), out var found) ? found : [];

    /// <summary>True when the Hangul is a two-syllable surname (남궁, 황보, 선우 ...).</summary>
    public static bool IsCompound(string hangul) =>
        hangul.Length == 2 && Find(hangul).Any(s => s.AllHangul.Contains(hangul, StringComparer.Ordinal));

    private static string LookupForm(string spelling)
    {
        if (spelling.Any(HangulSyllable.IsSyllable)) return new string(spelling.Where(HangulSyllable.IsSyllable).ToArray());
        if (spelling.Any(Cyrillic.IsCyrillic)) return new string(spelling.Where(Cyrillic.IsCyrillic).ToArray()).ToLower(CultureInfo.InvariantCulture);
        return PhoneticKey.Letters(spelling);
    }

    private static Dictionary<string, List<Surname>> Index()
    {
        var index = new Dictionary<string, List<Surname>>(StringComparer.Ordinal);
        foreach (var surname in All)
        {
            foreach (var spelling in surname.AllHangul.Concat(surname.AllLatin).Concat(surname.Cyrillic))
            {
                var form = LookupForm(spelling);
                if (form.Length == 0) continue;
                if (!index.TryGetValue(form, out var list)) index[form] = list = [];
                if (!list.Contains(surname)) list.Add(surname);
            }
        }
        return index;
    }

    private static List<Surname> Load()
    {
        using var stream = typeof(SurnameTable).Assembly.GetManifestResourceStream("PowRegistry.Core.Names.surnames.csv")
            ?? throw new InvalidOperationException("The embedded surname table is missing.");
        using var reader = new StreamReader(stream);
        var surnames = new List<Surname>();
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Length == 0) continue;
            if (header) { header = false; continue; }
            var fields = line.Split(',');
            if (fields.Length != 7) throw new InvalidOperationException("A surname row does not have 7 columns.");
            var lists = fields.Select(f => (IReadOnlyList<string>)f.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
            surnames.Add(new Surname(lists[0], lists[1], lists[2], lists[3], lists[4], lists[5], lists[6]));
        }
        return surnames;
    }
}
