using PowRegistry.Core.Names;

namespace PowRegistry.Core.Tests.Names;

public sealed class HangulTests
{
    [Theory]
    [InlineData('가', 0, 0, 0)]
    [InlineData('각', 0, 0, 1)]
    [InlineData('리', 5, 20, 0)]
    [InlineData('철', 14, 4, 8)]
    [InlineData('힣', 18, 20, 27)]
    public void Syllables_AreTakenApartByArithmetic(char syllable, int initial, int medial, int final) =>
        Assert.Equal(new HangulSyllable(initial, medial, final), HangulSyllable.Of(syllable));

    [Fact]
    public void EverySyllable_GoesBackTogether()
    {
        for (var c = HangulSyllable.First; c <= HangulSyllable.Last; c++) Assert.Equal(c, HangulSyllable.Of(c).ToChar());
    }

    /// <summary>The initial-sound rule (두음법칙) as the South spells it: National Institute of Korean Language, 한글 맞춤법 제10–12항.</summary>
    [Theory]
    [InlineData('리', '이')]
    [InlineData('로', '노')]
    [InlineData('료', '요')]
    [InlineData('류', '유')]
    [InlineData('녀', '여')]
    [InlineData('뇨', '요')]
    [InlineData('뉴', '유')]
    [InlineData('니', '이')]
    [InlineData('라', '나')]
    [InlineData('래', '내')]
    [InlineData('뢰', '뇌')]
    [InlineData('루', '누')]
    [InlineData('례', '예')]
    [InlineData('량', '양')] // with finals
    [InlineData('룡', '용')]
    [InlineData('림', '임')]
    [InlineData('렴', '염')]
    [InlineData('력', '역')]
    [InlineData('락', '낙')]
    [InlineData('김', '김')] // and nothing else changes
    [InlineData('나', '나')]
    [InlineData('남', '남')]
    [InlineData('이', '이')]
    public void InitialSoundRule_GivesTheSouthernSpelling(char north, char south) =>
        Assert.Equal(south, InitialSoundRule.ToSouth(north));

    [Theory]
    [InlineData('이', "이리니")]
    [InlineData('리', "리이니")]
    [InlineData('노', "노로")]
    [InlineData('여', "여려녀")]
    [InlineData('용', "용룡뇽")]
    [InlineData('김', "김")]
    public void InitialSoundRule_GoesBothWays(char syllable, string forms) =>
        Assert.Equal(forms.ToCharArray(), InitialSoundRule.BothWays(syllable));

    [Theory]
    [InlineData("리영철", "리", "영철")]
    [InlineData("리 영철", "리", "영철")]
    [InlineData("김정은", "김", "정은")]
    [InlineData("남궁민", "남궁", "민")]
    [InlineData("선우영철", "선우", "영철")]
    [InlineData("선우", "선", "우")] // two syllables alone: a surname and a one-syllable given name
    [InlineData("김", "김", "")]
    public void KoreanName_SplitsAfterTheSurname(string name, string family, string given) =>
        Assert.Equal((family, given), KoreanName.Split(name));
}
