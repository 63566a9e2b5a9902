using PowRegistry.Core.Names;

namespace PowRegistry.Core.Tests.Names;

/// <summary>
/// One man, many spellings. Names are of public figures, spelled as their governments, the press (Korean, English,
/// Russian, Ukrainian) and KCNA write them; the Cyrillic forms are the traditional ones Russian and Ukrainian media use.
/// </summary>
public sealed class NameKeysTests
{
    public static readonly TheoryData<string> RiYongChol =
    [
        "리영철", "이영철", "리 영철", "Ri Yong Chol", "RI Yong-Chol", "Lee Young-chul", "Yi Yeong-cheol", "Lee Yeongcheol",
        "Rhee Young Chul", "Ли Ён Чхоль", "Рі Йон Чхоль", "Yongchol Ri",
    ];

    public static TheoryData<string, string> RiYongCholPairs()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var a in RiYongChol)
        {
            foreach (var b in RiYongChol)
            {
                if (!ReferenceEquals(a, b)) pairs.Add(a, b);
            }
        }
        return pairs;
    }

    [Theory]
    [MemberData(nameof(RiYongCholPairs))]
    public void EverySpellingOfRiYongChol_FindsEveryOther(string typed, string stored)
    {
        Assert.True(NameKeys.Matches(NameKeys.ForQuery(typed), NameKeys.For(stored)), $"'{typed}' does not find '{stored}'");
        Assert.True(NameKeys.SameName(typed, stored));
        Assert.NotEmpty(NameKeys.For(typed).Intersect(NameKeys.For(stored)));
    }

    [Theory]
    [InlineData("김정은", "Kim Jong Un")]
    [InlineData("김정은", "Kim Jong-un")]
    [InlineData("김정은", "Kim Chŏngŭn")]
    [InlineData("김정은", "Ким Чен Ын")] // traditional Russian
    [InlineData("김정은", "Кім Чен Ин")] // Ukrainian
    [InlineData("김정은", "Ким Чонын")]
    [InlineData("김일성", "Kim Il Sung")] // KCNA keeps this older spelling
    [InlineData("김일성", "Kim Il-sung")]
    [InlineData("김일성", "Ким Ир Сен")]
    [InlineData("김일성", "Ким Ильсон")]
    [InlineData("박정희", "Park Chung-hee")]
    [InlineData("박정희", "Pak Chŏnghŭi")]
    [InlineData("박정희", "Пак Чон Хи")]
    [InlineData("최룡해", "Choe Ryong Hae")]
    [InlineData("최룡해", "Choi Yong-hae")] // South Korean press: initial-sound rule on the given name
    [InlineData("최룡해", "Чхве Рён Хэ")]
    [InlineData("최룡해", "최용해")]
    [InlineData("리설주", "Ri Sol Ju")]
    [InlineData("리설주", "Lee Seol-ju")]
    [InlineData("장성택", "Jang Song Thaek")]
    [InlineData("장성택", "Chang Sung-taek")]
    [InlineData("장성택", "Чан Сон Тхэк")]
    [InlineData("김대중", "Kim Dae-jung")]
    [InlineData("노무현", "Roh Moo-hyun")]
    [InlineData("문재인", "Moon Jae-in")]
    [InlineData("문재인", "Мун Чжэ Ин")]
    [InlineData("윤석열", "Yoon Suk Yeol")]
    [InlineData("이명박", "Lee Myung-bak")]
    [InlineData("박근혜", "Park Geun-hye")]
    [InlineData("반기문", "Ban Ki-moon")]
    [InlineData("반기문", "Пан Ги Мун")]
    [InlineData("현송월", "Hyon Song Wol")]
    [InlineData("현송월", "Hyun Song-wol")]
    [InlineData("남궁민", "Namkoong Min")]
    public void RealWorldSpellings_FindEachOther(string a, string b)
    {
        Assert.True(NameKeys.SameName(a, b), $"'{a}' and '{b}' should be the same name");
    }

    [Theory]
    [InlineData("김영철", "리영철")]
    [InlineData("Park", "Kim")]
    [InlineData("Kim", "Kang")]
    [InlineData("Pak", "Paek")] // 박 and 백
    [InlineData("Choi", "Cho")] // 최 and 조
    [InlineData("Jeon", "Jeong")] // 전 and 정
    [InlineData("Lee", "Lim")]
    [InlineData("Ri Yong Chol", "Ri Yong Chun")]
    [InlineData("Ri Yong Chol", "Ri Yong Ho")]
    [InlineData("Kim Jong Un", "Kim Jong Il")]
    [InlineData("Kim Jong Un", "Kim Jong")] // a name is not the same as its beginning
    [InlineData("Yun Min", "Yong Min")]
    [InlineData("Song Il", "Son Il")]
    [InlineData("Han Song", "Ha Song")]
    [InlineData("Ri Yong Chol", "Ivan Petrov")]
    [InlineData("Ли Ён Чхоль", "Ким Ён Чхоль")]
    public void DifferentNames_AreNotTheSame(string a, string b) =>
        Assert.False(NameKeys.SameName(a, b), $"'{a}' and '{b}' should be different names");

    [Theory]
    [InlineData("Yong", "Ri Yongchol")] // the start of a word
    [InlineData("Chol", "Ri Yongchol")] // a syllable of a word written in one piece
    [InlineData("Chol", "리영철")]
    [InlineData("Kim Jong", "김정은")]
    [InlineData("Ye", "Yeong-cheol Lee")] // half typed: Ye may become Yeo
    [InlineData("Pa", "Paek Nam Sun")]
    [InlineData("리영", "Ri Yong Chol")]
    [InlineData("Lee", "리영철")]
    [InlineData("Rhee", "Ri Yong Chol")]
    [InlineData("Ри", "Lee Young-chul")]
    [InlineData("Цой", "최룡해")] // a Koryo-saram spelling, from the surname table
    [InlineData("Tsoi", "Choe Ryong Hae")]
    [InlineData("Сон", "Song Il")] // Kontsevich Сон is 손, 송, 선 or 성
    [InlineData("Сон", "Son Il")]
    [InlineData("Чон", "Jeon Il")]
    [InlineData("Чон", "Jeong Il")]
    public void AQuery_FindsTheRecord(string typed, string stored) =>
        Assert.True(NameKeys.Matches(NameKeys.ForQuery(typed), NameKeys.For(stored)), $"'{typed}' does not find '{stored}'");

    [Theory]
    [InlineData("Lee", "Lim Yong Chol")] // a surname is matched whole: "Lee" is not the start of "Lim"
    [InlineData("Lee", "In Yong")]
    [InlineData("Kim", "Kang Yong")]
    [InlineData("Kim Yong", "Kim Chol")]
    [InlineData("Jeon", "Jeong Il")]
    [InlineData("Chol", "Ri Yong Chun")]
    public void AQuery_DoesNotFindAnotherName(string typed, string stored) =>
        Assert.False(NameKeys.Matches(NameKeys.ForQuery(typed), NameKeys.For(stored)), $"'{typed}' should not find '{stored}'");

    [Fact]
    public void AQuery_HasOneTermPerNameWord()
    {
        Assert.Equal(2, NameKeys.ForQuery("리영철").Count); // surname and given name
        Assert.Equal(3, NameKeys.ForQuery("Ri Yong Chol").Count);
        Assert.Equal(2, NameKeys.ForQuery("Lee Young-chul").Count); // a hyphenated given name is one word
        Assert.Equal(2, NameKeys.ForQuery("Ri, Yong-chol (123)").Count);
        Assert.Equal(NameKeys.MaxQueryWords, NameKeys.ForQuery("a b c d e f g h i j k").Count);
        Assert.Empty(NameKeys.ForQuery("  "));
        Assert.Empty(NameKeys.ForQuery(null));
        Assert.False(NameKeys.Matches(NameKeys.ForQuery(""), NameKeys.For("Ri Yong Chol")));
    }

    [Fact]
    public void ASurname_IsMatchedExactly_OtherWordsByPrefix()
    {
        var terms = NameKeys.ForQuery("Lee Chol");
        Assert.Contains("i", terms[0].Exact);
        Assert.Empty(terms[0].Prefixes);
        Assert.Empty(terms[1].Exact);
        Assert.Contains("col", terms[1].Prefixes);
    }

    [Fact]
    public void FamilyAndGivenNamesHeldApart_GiveTheSameMatches()
    {
        var keys = NameKeys.For("리", "영철");
        foreach (var typed in RiYongChol) Assert.True(NameKeys.Matches(NameKeys.ForQuery(typed), keys), typed);
        Assert.Contains("sung", NameKeys.For("Song", "Ju")); // a family name brings its surname's spellings (성 is Sung)...
        Assert.DoesNotContain("sung", NameKeys.For("Kim", "Song Ju")); // ...a given name does not
        Assert.Contains("yongcol", NameKeys.For("Ri", "Yong Chol"));
        Assert.Contains("yongcol", NameKeys.For("", "영철")); // a given name alone is not split as if it began with a surname
    }

    [Fact]
    public void Keys_AreShortLowerCaseAsciiAndFew()
    {
        foreach (var name in RiYongChol.Concat(["Ким Чен Ын", "Чхве Рён Хэ", "Namgung Min-seok Alexander", "ŏ", "123", ""]))
        {
            var keys = NameKeys.For(name);
            Assert.All(keys, k => Assert.Matches("^[a-z]{1,64}$", k));
            Assert.True(keys.Count <= 60, $"{name}: {keys.Count} keys");
        }
        Assert.InRange(NameKeys.For("Пхеньян Сеул Чен Ен Ен").Count, 1, 500); // every letter ambiguous: still bounded
        Assert.Contains(NameKeys.For(string.Concat(Enumerable.Repeat("Kimpa", 40))), k => k.Length == NameKeys.MaxKeyLength);
        Assert.Empty(NameKeys.For(null));
        Assert.Empty(NameKeys.For("  "));
        Assert.Equal(NameKeys.For("Ri Yong Chol"), NameKeys.For("ri  yong   chol"));
    }
}
