using System.Globalization;

namespace PowRegistry.Core.Countries;

/// <summary>An ISO 3166-1 country: its alpha-2 code and its common name in each language of the interface.</summary>
public sealed record Country(string Code, string Name, string KoreanName, string UkrainianName)
{
    /// <summary>The name in the language of <paramref name="culture"/> (English for any other).</summary>
    public string NameIn(CultureInfo culture) => culture.TwoLetterISOLanguageName switch
    {
        "ko" => KoreanName,
        "uk" => UkrainianName,
        _ => Name,
    };
}
