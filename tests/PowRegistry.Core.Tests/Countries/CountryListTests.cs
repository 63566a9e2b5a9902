using System.Globalization;

using PowRegistry.Core.Countries;

namespace PowRegistry.Core.Tests.Countries;

/// <summary>Country names come from Debian's iso-codes translations, in the reader's language and that language's order.</summary>
public sealed class CountryListTests
{
    private static T In<T>(string culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void EveryCountry_HasANameInEachLanguage()
    {
        Assert.Equal(249, CountryList.All.Count);
        Assert.All(CountryList.All, c =>
        {
            Assert.Matches("^[A-Z]{2}$", c.Code);
            Assert.False(string.IsNullOrWhiteSpace(c.Name));
            Assert.False(string.IsNullOrWhiteSpace(c.KoreanName));
            Assert.False(string.IsNullOrWhiteSpace(c.UkrainianName));
        });
        // A name with a comma in it survives the file's quoting.
        Assert.Equal("Bonaire, Sint Eustatius and Saba", CountryList.All.Single(c => c.Code == "BQ").Name);
    }

    [Theory]
    [InlineData("en", "KR", "South Korea")]
    [InlineData("ko", "KR", "대한민국")]
    [InlineData("uk", "KR", "Південна Корея")]
    [InlineData("ko", "UA", "우크라이나")]
    [InlineData("uk", "UA", "Україна")]
    [InlineData("uk-UA", "RU", "Російська Федерація")]
    [InlineData("fr", "UA", "Ukraine")]
    [InlineData("ko", "kp", "조선민주주의인민공화국")]
    [InlineData("ko", "XX", "XX")]
    public void NameOf_IsInTheReadersLanguage(string culture, string code, string expected) =>
        Assert.Equal(expected, In(culture, () => CountryList.NameOf(code)));

    [Fact]
    public void TheListToChooseFrom_IsInTheLanguagesOwnAlphabeticalOrder()
    {
        // Ukrainian: Є comes after Е and before З (Unicode order would put it before А).
        var ukrainian = In("uk", CountryList.InCurrentLanguage).Select(c => c.Name).ToList();
        Assert.InRange(ukrainian.IndexOf("Єгипет"), ukrainian.IndexOf("Естонія") + 1, ukrainian.IndexOf("Замбія") - 1);
        Assert.InRange(ukrainian.IndexOf("Ґренландія"), ukrainian.IndexOf("Гана") + 1, ukrainian.IndexOf("Єгипет") - 1);
        var korean = In("ko", CountryList.InCurrentLanguage).Select(c => c.Name).ToList();
        Assert.Equal("가나", korean[0]);
        Assert.Equal(249, korean.Count);
        Assert.Equal("Afghanistan", In("en", CountryList.InCurrentLanguage)[0].Name);
    }
}
