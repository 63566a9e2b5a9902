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
