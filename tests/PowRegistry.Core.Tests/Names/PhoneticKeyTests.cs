using PowRegistry.Core.Names;

namespace PowRegistry.Core.Tests.Names;

public sealed class PhoneticKeyTests
{
    [Theory]
    [InlineData("Young", "Yeong", "Yong", "yong")]
    [InlineData("Chul", "Cheul", "Chŭl", "cul")] // the press's Chul for 철 is read both ways by NameKeys
    [InlineData("Cheol", "Chol", "Ch'ŏl", "col")]
    [InlineData("Jeong", "Chŏng", "Joung", "cong")]
    [InlineData("Hyeon", "Hyŏn", "Hyon", "hyon")]
    [InlineData("Hee", "Hui", "Hŭi", "hi")]
    [InlineData("Soo", "Su", "Ssu", "su")]
    [InlineData("Joo", "Ju", "Chu", "cu")]
    [InlineData("Gim", "Kim", "Ghim", "kim")]
    [InlineData("Busan", "Pusan", "Bussan", "pusan")]
    [InlineData("Daegu", "Taegu", "Tegu", "teku")]
    [InlineData("Ri", "Lee", "Yi", "i")]
    [InlineData("Ryong", "Lyong", "Yong", "yong")]
    [InlineData("Roh", "Noh", "No", "no")]
    [InlineData("Ahn", "An", "Ann", "an")]
    [InlineData("Choe", "Ch'oe", "Chhve", "cwe")]
    [InlineData("Woo", "U", "Wu", "u")]
    [InlineData("Eun", "Ŭn", "Un", "un")]
    public void Spellings_OfOneSyllableShareAKey(string a, string b, string c, string key)
    {
        Assert.Equal(key, PhoneticKey.Of(a));
        Assert.Equal(key, PhoneticKey.Of(b));
        Assert.Equal(key, PhoneticKey.Of(c));
    }

    [Theory]
    [InlineData("Kim", "Kang")]
    [InlineData("Pak", "Paek")] // 박 and 백 are different surnames: ㅏ is not ㅐ
    [InlineData("Jeon", "Jeong")] // 전 and 정: n is not ng
    [InlineData("Son", "Song")]
    [InlineData("Yun", "Yong")]
    [InlineData("Chol", "Chon")]
    [InlineData("Il", "In")]
    [InlineData("Ha", "Han")]
    [InlineData("Cho", "Choe")]
    [InlineData("Min", "Myong")]
    public void DifferentSyllables_KeepDifferentKeys(string a, string b) =>
        Assert.NotEqual(PhoneticKey.Of(a), PhoneticKey.Of(b));

    [Fact]
    public void TheSouthAndTheNorth_GiveEverySyllableTheSameKey()
    {
        for (var c = HangulSyllable.First; c <= HangulSyllable.Last; c++)
        {
            var syllable = c.ToString();
            var rr = PhoneticKey.Of(Romanizer.Romanize(syllable, Transcription.RevisedRomanization));
            Assert.Equal(rr, PhoneticKey.Of(Romanizer.Romanize(syllable, Transcription.McCuneReischauer)));
            Assert.Equal(rr, PhoneticKey.Of(Romanizer.Romanize(syllable, Transcription.NorthKorean)));
        }
    }

    [Theory]
    [InlineData(Transcription.Kontsevich, false)]
    [InlineData(Transcription.KontsevichUkrainian, true)]
    public void CyrillicOfEverySyllable_ReadsBackToItsKey(Transcription system, bool ukrainian)
    {
        for (var c = HangulSyllable.First; c <= HangulSyllable.Last; c++)
        {
            if (HangulSyllable.Of(c).Medial == 3) continue; // ㅒ (Kontsevich йя) is in no name
            var syllable = c.ToString();
            var key = PhoneticKey.Of(Romanizer.Romanize(syllable, Transcription.RevisedRomanization));
            var readings = Cyrillic.ToLatin(Romanizer.Romanize(syllable, system), ukrainian).Select(r => PhoneticKey.Of(r));
            Assert.True(readings.Contains(key), $"{syllable}: {Romanizer.Romanize(syllable, system)} does not read back to {key}");
        }
    }

    [Theory]
    [InlineData("yongcol", "yong col")]
    [InlineData("congun", "cong un")]
    [InlineData("yongcolmin", "yong col min colmin")]
    [InlineData("kim", "")] // one syllable: nothing more to cut
    [InlineData("alexandr", "")] // not Korean-shaped
    public void Syllables_CutAKeyIntoKoreanSyllables(string key, string expected) =>
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(), PhoneticKey.Syllables(key).Order());

    [Fact]
    public void Keys_AreLowerCaseAsciiLetters()
    {
        foreach (var text in new[] { "Ch'ŏng-Hŭi", "RI YONG-CHOL", "Lee, Young", "ŏŭ" })
        {
            Assert.Matches("^[a-z]*$", PhoneticKey.Of(text));
        }
    }
}
