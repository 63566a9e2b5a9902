using PowRegistry.Core.Names;

namespace PowRegistry.Core.Tests.Names;

public sealed class SurnameTableTests
{
    public static TheoryData<int> Rows() => [.. Enumerable.Range(0, SurnameTable.All.Count)];

    [Fact]
    public void TheTable_HoldsAtLeastTheFortyMostCommonSurnames()
    {
        Assert.True(SurnameTable.All.Count >= 40);
        var top40 = "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 전 홍 유 고 문 양 손 배 백 허 노 남 심 하 곽 성 차 주 우 구 민 류".Split(' ');
        Assert.All(top40, h => Assert.Contains(SurnameTable.All, s => s.Hangul.Contains(h)));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void EverySpellingOfASurname_IsTheSameName(int row)
    {
        var surname = SurnameTable.All[row];
        var spellings = surname.AllHangul.Concat(surname.AllLatin).Concat(surname.Cyrillic).ToList();
        foreach (var a in spellings)
        {
            foreach (var b in spellings) Assert.True(NameKeys.SameName(a, b), $"{a} / {b}");
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void TheRomanizedColumns_AgreeWithTheRomanizer(int row)
    {
        var surname = SurnameTable.All[row];
        Assert.Equal(surname.Hangul.Select(h => Romanize(h, Transcription.RevisedRomanization)), surname.Revised);
        Assert.Equal(surname.Hangul.Select(h => Romanize(h, Transcription.McCuneReischauer)), surname.McCuneReischauer);
        Assert.Equal(surname.North.Select(h => Romanize(h, Transcription.NorthKorean)), surname.NorthKorean);
        foreach (var hangul in surname.AllHangul) Assert.Contains(Romanize(hangul, Transcription.Kontsevich), surname.Cyrillic);
    }

    [Theory]
    [InlineData("Rhee", "이")]
    [InlineData("ri", "이")]
    [InlineData("Ли", "이")]
    [InlineData("Рі", "이")]
    [InlineData("리", "이")]
    [InlineData("Park", "박")]
    [InlineData("Цой", "최")]
    [InlineData("Ch'oe", "최")]
    [InlineData("Namkoong", "남궁")]
    [InlineData("Nam-gung", "남궁")]
    public void ASpelling_LeadsToItsSurname(string spelling, string hangul) =>
        Assert.Contains(SurnameTable.Find(spelling), s => s.Hangul.Contains(hangul));

    [Theory]
    [InlineData("Song", "송", "성")] // the North writes 성 as Song
    [InlineData("Сон", "송", "성")]
    [InlineData("Yoo", "유", "류")]
    public void AnAmbiguousSpelling_LeadsToEverySurnameItMayBe(string spelling, string first, string second)
    {
        var found = SurnameTable.Find(spelling);
        Assert.Contains(found, s => s.Hangul.Contains(first));
        Assert.Contains(found, s => s.Hangul.Contains(second));
    }

    [Fact]
    public void TheTenMostCommonSurnames_DoNotMeet()
    {
        var top = "Kim Lee Park Choi Jeong Kang Cho Yoon Jang Lim".Split(' ');
        foreach (var a in top)
        {
            foreach (var b in top.Where(b => b != a)) Assert.False(NameKeys.SameName(a, b), $"{a} / {b}");
        }
    }

    private static string Romanize(string hangul, Transcription system)
    {
        var text = Romanizer.Romanize(hangul, system);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }
}
