namespace PowRegistry.Benchmarks;

/// <summary>How a seeded name is written. The share of each is in <see cref="FictionalNames"/>.</summary>
internal enum NameStyle
{
    /// <summary>The North's own romanization, syllables apart: "Ri Yong Chol", "Ri Yong-chol", "Ri Yongchol".</summary>
    NorthRomanized,

    /// <summary>McCune–Reischauer with breves and apostrophes: "Ri Yŏng-ch'ŏl".</summary>
    McCuneReischauer,

    /// <summary>The South's Revised Romanization of the given name, with the family's usual spelling: "Lee Yeong-cheol".</summary>
    SouthRevised,

    /// <summary>Family and press spellings: "Lee Young-chul", "Park Sung Ho".</summary>
    Press,

    /// <summary>North Korean Hangul (리, 영철).</summary>
    HangulNorth,

    /// <summary>South Korean Hangul, the initial-sound rule applied (이, 영철).</summary>
    HangulSouth,

    /// <summary>Russian Cyrillic of a Korean name (Ли, Ён Чхоль), as Russian documents write it.</summary>
    CyrillicKorean,

    /// <summary>A Russian name in Latin letters (Ivanov, Sergei).</summary>
    RussianLatin,

    /// <summary>A Russian name in Cyrillic (Иванов, Сергей).</summary>
    RussianCyrillic,
}

/// <summary>
/// Fictional names for the benchmark, built from this file's own lists of Korean family names and given-name
/// syllables, each written in every system: the North's romanization, McCune–Reischauer, the South's Revised
/// Romanization, the spellings families and the press use, Hangul of the North and of the South, and Russian
/// Cyrillic. Family names are weighted roughly as they occur, so "kim" matches about a fifth of the register
/// and a rare family name about a hundred men in a million. Every combination is fictional; no record describes
/// a real person. The keys the register stores for these names are made by the application (NameKeys), not here.
/// </summary>
internal static class FictionalNames
{
    /// <summary>
    /// A family name: the North's romanization, McCune–Reischauer, the usual spelling in the South and the press,
    /// North and South Hangul, Russian Cyrillic, and its weight in percent.
    /// </summary>
    private sealed record Family(string North, string Mr, string South, string HangulNorth, string HangulSouth, string Cyrillic, double Weight);

    /// <summary>
    /// A given-name syllable: Hangul, the North's romanization, McCune–Reischauer (word-initial form), Revised
    /// Romanization, the usual press spelling, and Russian Cyrillic (Kontsevich).
    /// </summary>
    private sealed record Syllable(string Hangul, string North, string Mr, string Revised, string Press, string Cyrillic);

    private static readonly Family[] Families =
    [
        new("Kim", "Kim", "Kim", "김", "김", "Ким", 21.5), new("Ri", "Ri", "Lee", "리", "이", "Ли", 14.7),
        new("Pak", "Pak", "Park", "박", "박", "Пак", 8.4), new("Choe", "Ch'oe", "Choi", "최", "최", "Чхве", 4.7),
        new("Jong", "Chŏng", "Jung", "정", "정", "Чон", 4.3), new("Kang", "Kang", "Kang", "강", "강", "Кан", 2.3),
        new("Jo", "Cho", "Cho", "조", "조", "Чо", 2.1), new("Yun", "Yun", "Yoon", "윤", "윤", "Юн", 2.0),
        new("Jang", "Chang", "Jang", "장", "장", "Чан", 2.0), new("Rim", "Rim", "Lim", "림", "임", "Рим", 1.6),
        new("Han", "Han", "Han", "한", "한", "Хан", 1.5), new("O", "O", "Oh", "오", "오", "О", 1.4),
        new("So", "Sŏ", "Seo", "서", "서", "Со", 1.4), new("Sin", "Sin", "Shin", "신", "신", "Син", 1.4),
        new("Kwon", "Kwŏn", "Kwon", "권", "권", "Квон", 1.3), new("Hwang", "Hwang", "Hwang", "황", "황", "Хван", 1.3),
        new("An", "An", "Ahn", "안", "안", "Ан", 1.2), new("Song", "Song", "Song", "송", "송", "Сон", 1.2),
        new("Jon", "Chŏn", "Jeon", "전", "전", "Чон", 1.1), new("Hong", "Hong", "Hong", "홍", "홍", "Хон", 1.1),
        new("Ryu", "Ryu", "Yoo", "류", "유", "Рю", 1.0), new("Ko", "Ko", "Ko", "고", "고", "Ко", 0.9),
        new("Mun", "Mun", "Moon", "문", "문", "Мун", 0.9), new("Ryang", "Ryang", "Yang", "량", "양", "Рян", 0.9),
        new("Son", "Son", "Son", "손", "손", "Сон", 0.9), new("Pae", "Pae", "Bae", "배", "배", "Пэ", 0.8),
        new("Paek", "Paek", "Baek", "백", "백", "Пэк", 0.7), new("Ho", "Hŏ", "Heo", "허", "허", "Хо", 0.7),
        new("Yu", "Yu", "Yoo", "유", "유", "Ю", 0.7), new("Nam", "Nam", "Nam", "남", "남", "Нам", 0.6),
        new("Sim", "Sim", "Shim", "심", "심", "Сим", 0.5), new("Ro", "Ro", "Roh", "로", "노", "Ро", 0.4),
        new("Ha", "Ha", "Ha", "하", "하", "Ха", 0.4), new("Kwak", "Kwak", "Kwak", "곽", "곽", "Квак", 0.4),
        new("Cha", "Ch'a", "Cha", "차", "차", "Чха", 0.4), new("Ju", "Chu", "Joo", "주", "주", "Чу", 0.4),
        new("U", "U", "Woo", "우", "우", "У", 0.3), new("Ku", "Ku", "Koo", "구", "구", "Ку", 0.3),
        new("Min", "Min", "Min", "민", "민", "Мин", 0.3), new("Jin", "Chin", "Jin", "진", "진", "Чин", 0.3),
        new("Ji", "Chi", "Ji", "지", "지", "Чи", 0.3), new("Om", "Ŏm", "Eom", "엄", "엄", "Ом", 0.3),
        new("Chae", "Ch'ae", "Chae", "채", "채", "Чхэ", 0.3), new("Won", "Wŏn", "Won", "원", "원", "Вон", 0.3),
        new("Chon", "Ch'ŏn", "Cheon", "천", "천", "Чхон", 0.2), new("Pang", "Pang", "Bang", "방", "방", "Пан", 0.2),
        new("Kong", "Kong", "Kong", "공", "공", "Кон", 0.2), new("Hyon", "Hyŏn", "Hyun", "현", "현", "Хён", 0.2),
        new("Ham", "Ham", "Ham", "함", "함", "Хам", 0.2), new("Pyon", "Pyŏn", "Byun", "변", "변", "Пён", 0.2),
        new("Ryom", "Ryŏm", "Yeom", "렴", "염", "Рём", 0.2), new("Ryo", "Ryŏ", "Yeo", "려", "여", "Рё", 0.2),
        new("To", "To", "Do", "도", "도", "То", 0.2), new("Chu", "Ch'u", "Choo", "추", "추", "Чху", 0.1),
        new("Sok", "Sŏk", "Seok", "석", "석", "Сок", 0.1), new("Sol", "Sŏl", "Seol", "설", "설", "Соль", 0.05),
        new("Ma", "Ma", "Ma", "마", "마", "Ма", 0.05), new("Kil", "Kil", "Gil", "길", "길", "Киль", 0.05),
        new("Yon", "Yŏn", "Yeon", "연", "연", "Ён", 0.05), new("Wi", "Wi", "Wi", "위", "위", "Ви", 0.03),
        new("Phyo", "P'yo", "Pyo", "표", "표", "Пхё", 0.03), new("Myong", "Myŏng", "Myung", "명", "명", "Мён", 0.03),
        new("Ki", "Ki", "Ki", "기", "기", "Ки", 0.02), new("Pan", "Pan", "Ban", "반", "반", "Пан", 0.02),
        new("Ra", "Ra", "Na", "라", "나", "Ра", 0.02), new("Wang", "Wang", "Wang", "왕", "왕", "Ван", 0.02),
        new("Kum", "Kŭm", "Keum", "금", "금", "Кым", 0.02), new("Ok", "Ok", "Ok", "옥", "옥", "Ок", 0.01),
        new("Ryuk", "Ryuk", "Yuk", "륙", "육", "Рюк", 0.01), new("Thak", "T'ak", "Tak", "탁", "탁", "Тхак", 0.01),
    ];

    /// <summary>The family names a "rare full name" search picks from (weight 0.01 %: about 100 men in a million).</summary>
    public static readonly string[] RareFamilies = ["Ok", "Ryuk", "Thak"];

    private static readonly Syllable[] Syllables =
    [
        new("철", "Chol", "Ch'ŏl", "cheol", "chul", "Чхоль"), new("민", "Min", "Min", "min", "min", "Мин"),
        new("영", "Yong", "Yŏng", "yeong", "young", "Ён"), new("성", "Song", "Sŏng", "seong", "sung", "Сон"),
        new("일", "Il", "Il", "il", "il", "Иль"), new("명", "Myong", "Myŏng", "myeong", "myung", "Мён"),
        new("호", "Ho", "Ho", "ho", "ho", "Хо"), new("광", "Kwang", "Kwang", "gwang", "kwang", "Кван"),
        new("수", "Su", "Su", "su", "soo", "Су"), new("혁", "Hyok", "Hyŏk", "hyeok", "hyuk", "Хёк"),
        new("진", "Jin", "Chin", "jin", "jin", "Чин"), new("은", "Un", "Ŭn", "eun", "eun", "Ын"),
        new("준", "Jun", "Chun", "jun", "joon", "Чун"), new("남", "Nam", "Nam", "nam", "nam", "Нам"),
        new("학", "Hak", "Hak", "hak", "hak", "Хак"), new("석", "Sok", "Sŏk", "seok", "suk", "Сок"),
        new("근", "Kun", "Kŭn", "geun", "keun", "Кын"), new("훈", "Hun", "Hun", "hun", "hoon", "Хун"),
        new("국", "Kuk", "Kuk", "guk", "kook", "Кук"), new("현", "Hyon", "Hyŏn", "hyeon", "hyun", "Хён"),
        new("경", "Kyong", "Kyŏng", "gyeong", "kyung", "Кён"), new("춘", "Chun", "Ch'un", "chun", "choon", "Чхун"),
        new("만", "Man", "Man", "man", "man", "Ман"), new("승", "Sung", "Sŭng", "seung", "seung", "Сын"),
        new("창", "Chang", "Ch'ang", "chang", "chang", "Чхан"), new("주", "Ju", "Chu", "ju", "joo", "Чу"),
        new("환", "Hwan", "Hwan", "hwan", "hwan", "Хван"), new("덕", "Tok", "Tŏk", "deok", "duk", "Ток"),
        new("범", "Pom", "Pŏm", "beom", "bum", "Пом"), new("원", "Won", "Wŏn", "won", "won", "Вон"),
        new("태", "Thae", "T'ae", "tae", "tae", "Тхэ"), new("평", "Phyong", "P'yŏng", "pyeong", "pyung", "Пхён"),
        new("삼", "Sam", "Sam", "sam", "sam", "Сам"),
    ];

    private static readonly (string Latin, string Cyrillic)[] RussianFamilies =
    [
        ("Ivanov", "Иванов"), ("Smirnov", "Смирнов"), ("Kuznetsov", "Кузнецов"), ("Popov", "Попов"), ("Vasiliev", "Васильев"),
        ("Petrov", "Петров"), ("Sokolov", "Соколов"), ("Mikhailov", "Михайлов"), ("Novikov", "Новиков"), ("Fedorov", "Фёдоров"),
        ("Morozov", "Морозов"), ("Volkov", "Волков"),
    ];

    private static readonly (string Latin, string Cyrillic)[] RussianGiven =
    [
        ("Sergei", "Сергей"), ("Aleksandr", "Александр"), ("Dmitry", "Дмитрий"), ("Andrei", "Андрей"), ("Aleksei", "Алексей"),
        ("Maksim", "Максим"), ("Ivan", "Иван"), ("Nikolai", "Николай"), ("Yevgeny", "Евгений"), ("Pavel", "Павел"),
        ("Artyom", "Артём"), ("Oleg", "Олег"),
    ];

    /// <summary>How the Korean names are written, in percent: mostly romanized, some Hangul, some Cyrillic.</summary>
    public static readonly (NameStyle Style, int Percent)[] KoreanStyles =
    [
        (NameStyle.NorthRomanized, 58), (NameStyle.McCuneReischauer, 5), (NameStyle.SouthRevised, 10), (NameStyle.Press, 10),
        (NameStyle.HangulNorth, 7), (NameStyle.HangulSouth, 3), (NameStyle.CyrillicKorean, 7),
    ];

    /// <summary>The given name (영, 철) ranks this high among about 200 given names, so "Ri Yong Chol" is a common name, not a rare one.</summary>
    private const int YongCholRank = 10;

    /// <summary>About 200 two-syllable given names, from common to rare (weight 1 / (rank + 5)).</summary>
    private static readonly (int First, int Second)[] GivenPairs = MakeGivenPairs();

    private static readonly double[] FamilyCumulative = Cumulative(Families.Select(f => f.Weight));
    private static readonly double[] GivenCumulative = Cumulative(Enumerable.Range(0, GivenPairs.Length).Select(rank => 1.0 / (rank + 5)));

    /// <summary>A fictional prisoner's name: about 5 % Russian (half in Cyrillic), the rest Korean in the styles of <see cref="KoreanStyles"/>.</summary>
    public static FictionalName Next(Random random)
    {
        if (random.Next(100) < 5)
        {
            var (surname, first) = (RussianFamilies[random.Next(RussianFamilies.Length)], RussianGiven[random.Next(RussianGiven.Length)]);
            return random.Next(2) == 0
                ? new FictionalName(surname.Latin, first.Latin, null, NameStyle.RussianLatin)
                : new FictionalName(surname.Cyrillic, first.Cyrillic, null, NameStyle.RussianCyrillic);
        }

        var style = PickStyle(random.Next(100));
        var f = Families[Pick(FamilyCumulative, random.NextDouble())];
        var pair = GivenPairs[Pick(GivenCumulative, random.NextDouble())];
        Syllable[] given = random.Next(20) == 0 ? [Syllables[pair.First]] : [Syllables[pair.First], Syllables[pair.Second]];
        var layout = random.Next(100);
        var name = style switch
        {
            // The North writes the syllables apart ("Yong Chol"); others join them with a hyphen or not at all.
            NameStyle.NorthRomanized => new FictionalName(f.North, Latin(given, s => s.North, layout < 60 ? " " : layout < 85 ? "-" : ""), null, style),
            NameStyle.McCuneReischauer => new FictionalName(f.Mr, Latin(given, s => s.Mr, "-"), null, style),
            NameStyle.SouthRevised => new FictionalName(f.South, Latin(given, s => s.Revised, layout < 50 ? "-" : ""), null, style),
            NameStyle.Press => new FictionalName(f.South, Latin(given, s => s.Press, layout < 50 ? "-" : layout < 80 ? " " : ""), null, style),
            NameStyle.HangulNorth => new FictionalName(f.HangulNorth, string.Concat(given.Select(s => s.Hangul)), null, style),
            NameStyle.HangulSouth => new FictionalName(f.HangulSouth, string.Concat(given.Select(s => s.Hangul)), null, style),
            // Kontsevich joins a given name ("Ёнчхоль"); Russian papers often write the syllables apart ("Ён Чхоль").
            _ => new FictionalName(f.Cyrillic, Cyrillic(given, layout < 60 ? " " : ""), null, style),
        };

        // About one man in eight also has the other form recorded as an alias: the Hangul of the DPRK papers he
        // carried, or, for a record entered in Hangul, the North's romanization.
        if (random.Next(8) != 0) return name;
        var alias = style is NameStyle.HangulNorth or NameStyle.HangulSouth
            ? $"{f.North} {Latin(given, s => s.North, " ")}"
            : f.HangulNorth + string.Concat(given.Select(s => s.Hangul));
        return name with { Alias = alias };
    }

    private static string Latin(Syllable[] given, Func<Syllable, string> spelling, string separator)
    {
        var first = Capitalized(spelling(given[0]));
        if (given.Length == 1) return first;
        var second = spelling(given[1]).ToLowerInvariant();
        return separator == " " ? $"{first} {Capitalized(second)}" : first + separator + second;
    }

    private static string Cyrillic(Syllable[] given, string separator) =>
        given.Length == 1 ? given[0].Cyrillic
        : separator == " " ? $"{given[0].Cyrillic} {given[1].Cyrillic}"
        : given[0].Cyrillic + given[1].Cyrillic.ToLowerInvariant();

    private static string Capitalized(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static NameStyle PickStyle(int percent)
    {
        foreach (var (style, share) in KoreanStyles)
        {
            if (percent < share) return style;
            percent -= share;
        }
        return NameStyle.NorthRomanized;
    }

    private static (int, int)[] MakeGivenPairs()
    {
        var all = new List<(int, int)>();
        for (var i = 0; i < Syllables.Length; i++)
        {
            for (var j = 0; j < Syllables.Length; j++)
            {
                if (i != j) all.Add((i, j));
            }
        }
        // A fixed shuffle: the same 200 names, in the same order of frequency, on every run; 영철 at a known rank.
        var random = new Random(17);
        var yongChol = (Array.FindIndex(Syllables, s => s.Hangul == "영"), Array.FindIndex(Syllables, s => s.Hangul == "철"));
        var pairs = all.Where(p => p != yongChol).OrderBy(_ => random.Next()).Take(199).ToList();
        pairs.Insert(YongCholRank, yongChol);
        return [.. pairs];
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var sums = new List<double>();
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
            sums.Add(total);
        }
        return [.. sums.Select(s => s / total)];
    }

    private static int Pick(double[] cumulative, double x)
    {
        var index = Array.BinarySearch(cumulative, x);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }
}

/// <summary>A generated name: family and given names as entered, an optional alias, and how it is written.</summary>
internal sealed record FictionalName(string Family, string Given, string? Alias, NameStyle Style)
{
    public bool Russian => Style is NameStyle.RussianLatin or NameStyle.RussianCyrillic;
}
