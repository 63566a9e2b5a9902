using System.Collections.Concurrent;
using System.Globalization;

namespace PowRegistry.Core.Countries;

/// <summary>
/// ISO 3166-1 countries (alpha-2 code; common name in English, Korean and Ukrainian), embedded from
/// <c>iso-3166-1.csv</c>, which <c>generate-countries.py</c> writes from Debian's iso-codes package and its
/// translations. Records store the code; pages show the name in the reader's language.
/// </summary>
public static class CountryList
{
    /// <summary>In English alphabetical order.</summary>
    public static IReadOnlyList<Country> All { get; } = Load();

    private static readonly Dictionary<string, Country> ByCode = All.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    private static readonly ConcurrentDictionary<string, IReadOnlyList<(string Code, string Name)>> Sorted = new();

    public static bool IsKnown(string? code) => code is not null && ByCode.ContainsKey(code);

    /// <summary>The country's name in the current UI language, or the raw code when it is not in the list (never throws on bad data).</summary>
    public static string NameOf(string? code) =>
        code is null ? "" : ByCode.TryGetValue(code, out var country) ? country.NameIn(CultureInfo.CurrentUICulture) : code;

    /// <summary>Every country with its name in the current UI language, in that language's alphabetical order (for a list to choose from).</summary>
    public static IReadOnlyList<(string Code, string Name)> InCurrentLanguage()
    {
        var culture = CultureInfo.CurrentUICulture;
        return Sorted.GetOrAdd(culture.TwoLetterISOLanguageName, _ =>
            All.Select(c => (c.Code, Name: c.NameIn(culture))).OrderBy(c => c.Name, StringComparer.Create(culture, ignoreCase: true)).ToList());
    }

    private static List<Country> Load()
    {
        using var stream = typeof(CountryList).Assembly.GetManifestResourceStream("PowRegistry.Core.Countries.iso-3166-1.csv")
            ?? throw new InvalidOperationException("The embedded country list is missing.");
        using var reader = new StreamReader(stream);
        var countries = new List<Country>();
        reader.ReadLine(); // header: code,name,name_ko,name_uk
        while (reader.ReadLine() is { } line)
        {
            var fields = CsvFields(line);
            countries.Add(new Country(fields[0], fields[1], fields[2], fields[3]));
        }
        return countries;
    }

    /// <summary>One line of the generated file: fields separated by commas, a field with a comma in double quotes.</summary>
    private static List<string> CsvFields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }
}
