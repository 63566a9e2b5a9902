namespace PowRegistry.Benchmarks;

/// <summary>
/// Romanised Korean names (North Korean spelling) weighted roughly as they occur, so that a prefix search
/// such as "kim" matches about a fifth of the register and a rare family name a handful of records.
/// Every combination is fictional; no record describes a real person.
/// </summary>
internal static class FictionalNames
{
    /// <summary>Family name, its Hangul spelling, and its weight in percent.</summary>
    private static readonly (string Latin, string Hangul, double Weight)[] KoreanFamilies =
    [
        ("Kim", "김", 21.5), ("Ri", "리", 14.7), ("Pak", "박", 8.4), ("Choe", "최", 4.7), ("Jong", "정", 4.3),
        ("Kang", "강", 2.3), ("Jo", "조", 2.1), ("Yun", "윤", 2.0), ("Jang", "장", 2.0), ("Rim", "림", 1.6),
        ("Han", "한", 1.5), ("O", "오", 1.4), ("So", "서", 1.4), ("Sin", "신", 1.4), ("Kwon", "권", 1.3),
        ("Hwang", "황", 1.3), ("An", "안", 1.2), ("Song", "송", 1.2), ("Jon", "전", 1.1), ("Hong", "홍", 1.1),
        ("Ryu", "류", 1.0), ("Ko", "고", 0.9), ("Mun", "문", 0.9), ("Yang", "양", 0.9), ("Son", "손", 0.9),
        ("Pae", "배", 0.8), ("Paek", "백", 0.7), ("Ho", "허", 0.7), ("Yu", "유", 0.7), ("Nam", "남", 0.6),
        ("Sim", "심", 0.5), ("No", "로", 0.4), ("Ha", "하", 0.4), ("Kwak", "곽", 0.4), ("Cha", "차", 0.4),
        ("Ju", "주", 0.4), ("U", "우", 0.3), ("Ku", "구", 0.3), ("Min", "민", 0.3), ("Jin", "진", 0.3),
        ("Ji", "지", 0.3), ("Om", "엄", 0.3), ("Chae", "채", 0.3), ("Won", "원", 0.3), ("Chon", "천", 0.2),
        ("Pang", "방", 0.2), ("Kong", "공", 0.2), ("Hyon", "현", 0.2), ("Ham", "함", 0.2), ("Pyon", "변", 0.2),
        ("Yom", "염", 0.2), ("Yo", "여", 0.2), ("To", "도", 0.2), ("Chu", "추", 0.1), ("Sok", "석", 0.1),
        ("Sol", "설", 0.05), ("Ma", "마", 0.05), ("Kil", "길", 0.05), ("Yon", "연", 0.05), ("Wi", "위", 0.03),
        ("Pyo", "표", 0.03), ("Myong", "명", 0.03), ("Ki", "기", 0.02), ("Pan", "반", 0.02), ("Ra", "라", 0.02),
        ("Wang", "왕", 0.02), ("Kum", "금", 0.02), ("Ok", "옥", 0.01), ("Yuk", "육", 0.01), ("Tak", "탁", 0.01),
    ];

    /// <summary>The family names a "rare full name" search picks from (weight 0.01 %: about 100 men in a million).</summary>
    public static readonly string[] RareFamilies = ["Ok", "Yuk", "Tak"];

    private static readonly (string Latin, string Hangul)[] Syllables =
    [
        ("Chol", "철"), ("Min", "민"), ("Yong", "영"), ("Song", "성"), ("Il", "일"), ("Myong", "명"), ("Ho", "호"),
        ("Kwang", "광"), ("Su", "수"), ("Hyok", "혁"), ("Jin", "진"), ("Un", "은"), ("Jun", "준"), ("Nam", "남"),
        ("Hak", "학"), ("Sok", "석"), ("Ryong", "룡"), ("Hun", "훈"), ("Guk", "국"), ("Hyon", "현"), ("Gyong", "경"),
        ("Chun", "춘"), ("Man", "만"), ("Sung", "승"), ("Chang", "창"), ("Ju", "주"), ("Hwan", "환"), ("Dok", "덕"),
        ("Bom", "범"), ("Won", "원"), ("Tae", "태"), ("Pyong", "평"), ("Sam", "삼"),
    ];

    private static readonly string[] RussianFamilies =
        ["Ivanov", "Smirnov", "Kuznetsov", "Popov", "Vasiliev", "Petrov", "Sokolov", "Mikhailov", "Novikov", "Fedorov", "Morozov", "Volkov"];

    private static readonly string[] RussianGiven =
        ["Sergei", "Aleksandr", "Dmitry", "Andrei", "Aleksei", "Maksim", "Ivan", "Nikolai", "Yevgeny", "Pavel", "Artyom", "Oleg"];

    /// <summary>About 200 two-syllable given names, from common to rare (weight 1 / (rank + 5)).</summary>
    private static readonly (int First, int Second)[] GivenPairs = MakeGivenPairs();

    private static readonly double[] FamilyCumulative = Cumulative(KoreanFamilies.Select(f => f.Weight));
    private static readonly double[] GivenCumulative = Cumulative(Enumerable.Range(0, GivenPairs.Length).Select(rank => 1.0 / (rank + 5)));

    public static int KoreanFamilyCount => KoreanFamilies.Length;
    public static int GivenNameCount => GivenPairs.Length;

    public static FictionalName Korean(Random random)
    {
        var family = KoreanFamilies[Pick(FamilyCumulative, random.NextDouble())];
        var single = random.Next(20) == 0;
        var pair = GivenPairs[Pick(GivenCumulative, random.NextDouble())];
        var first = Syllables[pair.First];
        var second = Syllables[pair.Second];

        // Both spellings occur on documents: "Yong Chol" and "Yong-chol".
        string given = single ? first.Latin
            : random.Next(5) < 3 ? $"{first.Latin} {second.Latin}"
            : $"{first.Latin}-{second.Latin.ToLowerInvariant()}";
        var hangul = family.Hangul + first.Hangul + (single ? "" : second.Hangul);
        return new FictionalName(family.Latin, given, hangul);
    }

    public static FictionalName Russian(Random random) =>
        new(RussianFamilies[random.Next(RussianFamilies.Length)], RussianGiven[random.Next(RussianGiven.Length)], null);

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
        // A fixed shuffle: the same 200 names, in the same order of frequency, on every run.
        var random = new Random(17);
        return [.. all.OrderBy(_ => random.Next()).Take(200)];
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

internal sealed record FictionalName(string Family, string Given, string? Hangul);
