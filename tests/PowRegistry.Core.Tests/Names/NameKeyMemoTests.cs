using PowRegistry.Core.Names;

namespace PowRegistry.Core.Tests.Names;

/// <summary>An import remembers each name's keys: the same keys as without the memo, worked out once per name, and only within its scope.</summary>
public sealed class NameKeyMemoTests
{
    public static readonly TheoryData<string> Names = ["리영철", "Ri Yong Chol", "Ли Ён Чхоль", "Рі Йон Чхоль", "Lee Young-chul", "Kim", ""];

    [Theory]
    [MemberData(nameof(Names))]
    public void KeysInAMemo_AreTheKeysWithoutOne(string name)
    {
        var keys = NameKeys.For(name);
        var split = NameKeys.For(name, "Yong Chol");
        var query = NameKeys.ForQuery(name);
        using (NameKeyMemo.Open())
        {
            for (var pass = 0; pass < 2; pass++) // the first pass works them out, the second reads them back
            {
                Assert.Equal(keys.Order(StringComparer.Ordinal), NameKeys.For(name).Order(StringComparer.Ordinal));
                Assert.Equal(split.Order(StringComparer.Ordinal), NameKeys.For(name, "Yong Chol").Order(StringComparer.Ordinal));
                Assert.Equal(Show(query), Show(NameKeys.ForQuery(name)));
            }
        }
    }

    /// <summary>
    /// Names that share words (the same word as a family name, a given name, in a name typed whole, Ukrainian or not):
    /// in a memo each word's keys are worked out once, and every name's keys come out the same and in the same order
    /// (search terms are written in that order).
    /// </summary>
    [Fact]
    public void WordsRememberedInAMemo_GiveEachNameItsKeysInTheSameOrder()
    {
        (string? Family, string? Given)[] names =
        [
            ("Ri Yong Chol", null), ("Ri", "Yong Chol"), ("Yong", "Ri Chol"), ("Chol Yong Ri", null), ("리영철", null), ("리", "영철"),
            ("Ли Ён Чхоль", null), ("Рі Йон Чхоль", null), ("Ли", "Ён Чхоль"), ("Рі", "Ён Чхоль"), ("Kim Yong-chol", null), ("Kim", "Yongchol"),
            ("Lee Young-chul", null), ("Young", "Lee"), ("김영철", null), ("영철", "김"),
            ("남궁민", null), ("남궁", "민"), ("Namgung", "Min"), ("Nam-gung Min", null), ("Намгун Мин", null),
        ];
        var without = names.Select(n => n.Given is null ? NameKeys.For(n.Family) : NameKeys.For(n.Family, n.Given)).ToList();
        using var memo = NameKeyMemo.Open();
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < names.Length; i++)
            {
                var (family, given) = names[i];
                Assert.Equal(without[i].ToList(), (given is null ? NameKeys.For(family) : NameKeys.For(family, given)).ToList()); // in order: lists, not sets
            }
        }
    }

    [Fact]
    public void AScopeInsideAnother_SharesItsWords_NotItsNames()
    {
        var worked = 0;
        (HashSet<string>, HashSet<string>) Word(int _)
        {
            worked++;
            return ([], []);
        }
        using var outer = NameKeyMemo.Open();
        var name = NameKeys.For("Ri Yong Chol");
        NameKeyMemo.ForWord("word", 0, Word);
        using (NameKeyMemo.Open())
        {
            NameKeyMemo.ForWord("word", 0, Word);
            Assert.NotSame(name, NameKeys.For("Ri Yong Chol"));
            Assert.Equal(name, NameKeys.For("Ri Yong Chol"));
        }
        Assert.Equal(1, worked);
        Assert.Same(name, NameKeys.For("Ri Yong Chol"));
    }

    [Fact]
    public void AMemo_WorksEachNameOutOnce_AndForgetsItWhenClosed()
    {
        using (NameKeyMemo.Open())
        {
            Assert.Same(NameKeys.For("Ri Yong Chol"), NameKeys.For("Ri Yong Chol"));
            Assert.Same(NameKeys.For("Ri", "Yong Chol"), NameKeys.For("Ri", "Yong Chol"));
            Assert.Same(NameKeys.ForQuery("Ri Yong Chol"), NameKeys.ForQuery("Ri Yong Chol"));
            Assert.NotSame(NameKeys.For("Ri", "Yong Chol"), NameKeys.For("Ri Yong", "Chol"));
        }
        Assert.NotSame(NameKeys.For("Ri Yong Chol"), NameKeys.For("Ri Yong Chol"));
        Assert.NotSame(NameKeys.ForQuery("Ri Yong Chol"), NameKeys.ForQuery("Ri Yong Chol"));
    }

    [Fact]
    public async Task AMemo_FollowsItsAsyncFlow_AndNoOther()
    {
        using var memo = NameKeyMemo.Open();
        var first = NameKeys.For("Kim Jong");
        await Task.Yield();
        Assert.Same(first, NameKeys.For("Kim Jong"));
        // Another flow started without it (a request served meanwhile) remembers nothing.
        var other = await Task.Run(() =>
        {
            using (ExecutionContext.SuppressFlow()) return Task.Run(() => NameKeys.For("Kim Jong"));
        });
        Assert.NotSame(first, other);
    }

    private static List<string> Show(IReadOnlyList<NameQueryTerm> terms) =>
        terms.Select(t => string.Join(",", t.Exact.Order(StringComparer.Ordinal)) + "|" + string.Join(",", t.Prefixes.Order(StringComparer.Ordinal))).ToList();
}
