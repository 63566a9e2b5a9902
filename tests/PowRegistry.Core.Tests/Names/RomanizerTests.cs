using PowRegistry.Core.Names;

namespace PowRegistry.Core.Tests.Names;

/// <summary>
/// Real-world transcriptions, per system. Sources:
/// <list type="bullet">
/// <item>RR — National Institute of Korean Language, "Romanization of Korean" (https://www.korean.go.kr/front_eng/roman/roman_01.do),
/// the examples given with each rule.</item>
/// <item>MR — the McCune–Reischauer forms given for these places and people in their English Wikipedia articles.</item>
/// <item>North — the DPRK's 1992 system as reported to UNGEGN (examples quoted in Wikipedia, "Romanization of Korean (North Korean
/// system)"), and names as KCNA (kcna.kp) writes them in English: without breves, each given-name syllable apart.</item>
/// <item>Kontsevich — the rules and place names in Russian Wikipedia, "Система Концевича", and its Ukrainian table
/// (Ukrainian Wikipedia, same title). Traditional Russian names (Пхеньян, Сеул, Ким Чен Ын) are not Kontsevich; that they
/// still find the record is tested in <see cref="NameKeysTests"/>.</item>
/// </list>
/// </summary>
public sealed class RomanizerTests
{
    [Theory]
    // ㄱ ㄷ ㅂ before a vowel and as finals
    [InlineData("구미", "Gumi")]
    [InlineData("영동", "Yeongdong")]
    [InlineData("백암", "Baegam")]
    [InlineData("옥천", "Okcheon")]
    [InlineData("합덕", "Hapdeok")]
    [InlineData("호법", "Hobeop")]
    [InlineData("월곶", "Wolgot")]
    [InlineData("벚꽃", "beotkkot")]
    [InlineData("한밭", "Hanbat")]
    // ㄹ and ㄹㄹ
    [InlineData("구리", "Guri")]
    [InlineData("설악", "Seorak")]
    [InlineData("칠곡", "Chilgok")]
    [InlineData("임실", "Imsil")]
    [InlineData("울릉", "Ulleung")]
    [InlineData("대관령", "Daegwallyeong")]
    // assimilation of adjacent consonants
    [InlineData("백마", "Baengma")]
    [InlineData("종로", "Jongno")]
    [InlineData("왕십리", "Wangsimni")]
    [InlineData("별내", "Byeollae")]
    [InlineData("신라", "Silla")]
    // palatalisation
    [InlineData("해돋이", "haedoji")]
    [InlineData("같이", "gachi")]
    // ㅎ after ㄱ ㄷ ㅂ in nouns is not aspirated in writing
    [InlineData("묵호", "Mukho")]
    [InlineData("집현전", "Jiphyeonjeon")]
    // tensing is not written
    [InlineData("압구정", "Apgujeong")]
    [InlineData("낙동강", "Nakdonggang")]
    [InlineData("죽변", "Jukbyeon")]
    [InlineData("낙성대", "Nakseongdae")]
    [InlineData("합정", "Hapjeong")]
    [InlineData("팔당", "Paldang")]
    [InlineData("샛별", "saetbyeol")]
    [InlineData("울산", "Ulsan")]
    // other place names from the same page
    [InlineData("부산", "Busan")]
    [InlineData("세종", "Sejong")]
    [InlineData("의정부", "Uijeongbu")]
    [InlineData("청주", "Cheongju")]
    [InlineData("속리산", "Songnisan")]
    [InlineData("독도", "Dokdo")]
    [InlineData("경복궁", "Gyeongbokgung")]
    [InlineData("독립문", "Dongnimmun")]
    [InlineData("극락전", "Geungnakjeon")]
    [InlineData("촉석루", "Chokseongnu")]
    [InlineData("화랑대", "Hwarangdae")]
    public void RevisedRomanization_GivesTheOfficialExamples(string hangul, string expected) =>
        Assert.Equal(expected, Romanizer.Romanize(hangul, Transcription.RevisedRomanization), ignoreCase: true);

    [Theory]
    [InlineData("민용하", "Min Yongha")]
    [InlineData("송나리", "Song Nari")]
    [InlineData("한복남", "Han Boknam")] // not Bongnam: sound changes are not written in given names
    [InlineData("홍빛나", "Hong Bitna")]
    public void RevisedRomanization_WritesNamesWithoutSoundChanges(string hangul, string expected) =>
        Assert.Equal(expected, Romanizer.RomanizeName(hangul, Transcription.RevisedRomanization));

    [Theory]
    [InlineData("평양", "P'yŏngyang")]
    [InlineData("조선", "Chosŏn")]
    [InlineData("서울", "Sŏul")]
    [InlineData("부산", "Pusan")]
    [InlineData("대구", "Taegu")]
    [InlineData("인천", "Inch'ŏn")]
    [InlineData("광주", "Kwangju")]
    [InlineData("대전", "Taejŏn")]
    [InlineData("제주", "Cheju")]
    [InlineData("울산", "Ulsan")]
    [InlineData("한국", "Han'guk")]
    [InlineData("신라", "Silla")]
    [InlineData("종로", "Chongno")]
    [InlineData("독립문", "Tongnimmun")]
    [InlineData("경복궁", "Kyŏngbokkung")]
    public void McCuneReischauer_GivesTheUsualForms(string hangul, string expected) =>
        Assert.Equal(expected, Romanizer.Romanize(hangul, Transcription.McCuneReischauer), ignoreCase: true);

    [Theory]
    [InlineData("박정희", "Pak Chŏnghŭi")]
    [InlineData("김일성", "Kim Ilsŏng")]
    [InlineData("김대중", "Kim Taejung")]
    public void McCuneReischauer_WritesNamesWithTheGivenNameInOneWord(string hangul, string expected) =>
        Assert.Equal(expected, Romanizer.RomanizeName(hangul, Transcription.McCuneReischauer));

    [Theory]
    // examples of the 1992 rules (UNGEGN), breves left out
    [InlineData("천리마", "Chollima")]
    [InlineData("한라산", "Hallasan")]
    [InlineData("백마산", "Paengmasan")]
    [InlineData("붉은바위", "Pulgunbawi")]
    [InlineData("앉은바위", "Anjunbawi")]
    [InlineData("닭섬", "Taksom")]
    [InlineData("찔레골", "Jjilregol")] // ㄹㄹ is lr in the North
    // places as KCNA writes them
    [InlineData("남포", "Nampho")]
    [InlineData("개성", "Kaesong")]
    [InlineData("원산", "Wonsan")]
    [InlineData("함흥", "Hamhung")]
    [InlineData("청진", "Chongjin")]
    [InlineData("해주", "Haeju")]
    [InlineData("신의주", "Sinuiju")]
    [InlineData("라선", "Rason")]
    [InlineData("자강", "Jagang")]
    [InlineData("평안", "Phyongan")] // the province; the capital keeps the conventional "Pyongyang"
    public void NorthKorean_GivesThePlaceNamesTheNorthUses(string hangul, string expected) =>
        Assert.Equal(expected, Romanizer.Romanize(hangul, Transcription.NorthKorean), ignoreCase: true);

    [Theory]
    [InlineData("박동구", "Pak Tong Gu")] // the rules' own examples: first given syllable voiceless, the next voiced
    [InlineData("안복철", "An Pok Chol")]
    [InlineData("리영철", "Ri Yong Chol")] // KCNA
    [InlineData("김정은", "Kim Jong Un")]
    [InlineData("최룡해", "Choe Ryong Hae")]
    [InlineData("박봉주", "Pak Pong Ju")]
    [InlineData("김여정", "Kim Yo Jong")]
    [InlineData("리설주", "Ri Sol Ju")]
    [InlineData("장성택", "Jang Song Thaek")]
    [InlineData("현송월", "Hyon Song Wol")]
    [InlineData("최선희", "Choe Son Hui")]
    [InlineData("김덕훈", "Kim Tok Hun")]
    [InlineData("조용원", "Jo Yong Won")]
    [InlineData("리병철", "Ri Pyong Chol")]
    public void NorthKorean_WritesNamesSyllableBySyllable(string hangul, string expected) =>
        Assert.Equal(expected, Romanizer.RomanizeName(hangul, Transcription.NorthKorean));

    [Theory]
    [InlineData("김", "Ким")]
    [InlineData("박", "Пак")]
    [InlineData("최", "Чхве")]
    [InlineData("서울", "Соуль")]
    [InlineData("평양", "Пхёнъян")]
    [InlineData("부산", "Пусан")]
    [InlineData("대구", "Тэгу")]
    [InlineData("인천", "Инчхон")]
    [InlineData("광주", "Кванджу")]
    [InlineData("대전", "Тэджон")]
    [InlineData("제주", "Чеджу")]
    [InlineData("울산", "Ульсан")]
    [InlineData("한국", "Хангук")]
    [InlineData("조선", "Чосон")]
    [InlineData("신라", "Силла")]
    [InlineData("종로", "Чонно")]
    [InlineData("청진", "Чхонджин")]
    [InlineData("함흥", "Хамхын")]
    [InlineData("개성", "Кэсон")]
    [InlineData("원산", "Вонсан")]
    [InlineData("팔당", "Пхальдан")]
    public void Kontsevich_GivesTheRussianForms(string hangul, string expected) =>
        Assert.Equal(expected, Romanizer.Romanize(hangul, Transcription.Kontsevich), ignoreCase: true);

    [Theory]
    [InlineData("리영철", "Ри Ёнчхоль")]
    [InlineData("이영철", "И Ёнчхоль")]
    [InlineData("박정희", "Пак Чонхи")]
    public void Kontsevich_WritesNamesWithTheGivenNameInOneWord(string hangul, string expected) =>
        Assert.Equal(expected, Romanizer.RomanizeName(hangul, Transcription.Kontsevich));

    [Theory]
    [InlineData("김", "Кім")]
    [InlineData("리", "Рі")]
    [InlineData("서울", "Соуль")]
    [InlineData("부산", "Пусан")]
    [InlineData("함흥", "Хамхин")]
    [InlineData("평양", "Пхьон'ян")]
    [InlineData("영", "Йон")]
    public void KontsevichUkrainian_GivesTheUkrainianForms(string hangul, string expected) =>
        Assert.Equal(expected, Romanizer.Romanize(hangul, Transcription.KontsevichUkrainian), ignoreCase: true);

    [Fact]
    public void RomanizeName_SplitsAfterACompoundSurname()
    {
        Assert.Equal("Namgung Min", Romanizer.RomanizeName("남궁민", Transcription.RevisedRomanization));
        Assert.Equal("Ri Yong Chol", Romanizer.RomanizeName("리 영철", Transcription.NorthKorean));
    }

    [Fact]
    public void Romanize_CopiesWhatIsNotHangul() =>
        Assert.Equal("seoul (2025)", Romanizer.Romanize("서울 (2025)", Transcription.RevisedRomanization));
}
