namespace PowRegistry.Core.Countries;

/// <summary>
/// ISO 3166-1 countries (alpha-2 code and English short name), embedded from
/// <c>iso-3166-1.csv</c>, which was generated from Debian's iso-codes package
/// (<c>/usr/share/iso-codes/json/iso_3166-1.json</c>, using its common names where it has them).
/// Records store the code; pages show the name.
/// </summary>
public static class CountryList
{
    public static IReadOnlyList<Country> All { get; } = Load();

    private static readonly Dictionary<string, Country> ByCode = All.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    public static bool IsKnown(string? code) => code is not null && ByCode.ContainsKey(code);

    /// <summary>The country's name, or the raw code when it is not in the list (never throws on bad data).</summary>
    public static string NameOf(string? code) =>
        code is null ? "" : ByCode.TryGetValue(code, out var country) ? country.Name : code;

    private static List<Country> Load()
    {
        using var stream = typeof(CountryList).Assembly.GetManifestResourceStream("PowRegistry.Core.Countries.iso-3166-1.csv")
            ?? throw new InvalidOperationException("The embedded country list is missing.");
        using var reader = new StreamReader(stream);
        var countries = new List<Country>();
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            var name = line[(comma + 1)..];
            if (name.StartsWith('"')) name = name.Trim('"').Replace("\"\"", "\"", StringComparison.Ordinal);
            countries.Add(new Country(line[..comma], name));
        }
        return countries;
    }
}
