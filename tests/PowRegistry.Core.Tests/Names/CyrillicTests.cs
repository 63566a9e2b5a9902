using PowRegistry.Core.Names;

namespace PowRegistry.Core.Tests.Names;

public sealed class CyrillicTests
{
    [Theory]
    [InlineData("Ли", false, "li")]
    [InlineData("Ким", false, "kim")]
    [InlineData("Чхоль", false, "chhol")]
    [InlineData("Ён", false, "yon")] // 연
    [InlineData("Ён", false, "yong")] // 영: Kontsevich writes both finals as н
    [InlineData("Пхёнъян", false, "phyongyan")] // нъ is ㅇ before a vowel
    [InlineData("Пхеньян", false, "phyongyang")] // traditional: е for ㅕ
    [InlineData("Чен", false, "chong")] // traditional: Ким Чен Ын
    [InlineData("Сеул", false, "soul")]
    [InlineData("Ын", false, "eun")]
    [InlineData("Рі", true, "ri")]
    [InlineData("Йон", true, "yon")]
    [InlineData("Ин", true, "eun")] // Ukrainian и is ㅡ
    [InlineData("Пхьон'ян", true, "phyongyan")]
    [InlineData("Тэджон", false, "tedzhon")]
    public void ToLatin_HasTheReading(string cyrillic, bool ukrainian, string reading) =>
        Assert.Contains(reading, Cyrillic.ToLatin(cyrillic, ukrainian));

    [Theory]
    [InlineData("Ин", false, "eun")] // Russian и is ㅣ
    [InlineData("Ким", false, "keum")]
    [InlineData("Пак", false, "pag")]
    public void ToLatin_DoesNotHaveTheReading(string cyrillic, bool ukrainian, string reading) =>
        Assert.DoesNotContain(reading, Cyrillic.ToLatin(cyrillic, ukrainian));

    /// <summary>Traditional Russian place names are not Kontsevich, but they still read back to the Hangul's key.</summary>
    [Theory]
    [InlineData("Сеул", "서울")]
    [InlineData("Пхеньян", "평양")]
    [InlineData("Кэсон", "개성")]
    [InlineData("Чхонджин", "청진")]
    public void TraditionalRussianNames_ReadBackToTheHangul(string russian, string hangul)
    {
        var keys = Cyrillic.ToLatin(russian, ukrainian: false).Select(r => PhoneticKey.Of(r));
        var hangulKeys = new[] { Transcription.RevisedRomanization, Transcription.McCuneReischauer, Transcription.NorthKorean }
            .Select(system => PhoneticKey.Of(Romanizer.Romanize(hangul, system)));
        Assert.NotEmpty(keys.Intersect(hangulKeys));
    }

    [Theory]
    [InlineData("Рі Йон Чхоль", true)]
    [InlineData("Кім Чен Ин", true)]
    [InlineData("Ли Ён Чхоль", false)]
    [InlineData("Ri Yong Chol", false)]
    public void LooksUkrainian_WhenALetterOnlyUkrainianUsesIsThere(string text, bool ukrainian) =>
        Assert.Equal(ukrainian, Cyrillic.LooksUkrainian(text));

    [Fact]
    public void ToLatin_StopsAtSixtyFourReadings() =>
        Assert.Equal(64, Cyrillic.ToLatin("Пхеньян Сеул Чен Ен Ен", ukrainian: false).Count);
}
