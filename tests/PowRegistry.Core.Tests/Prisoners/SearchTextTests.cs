using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Prisoners;

public sealed class SearchTextTests
{
    [Fact]
    public void Terms_FoldCaseAndAccents_AndKeepHyphenatedWordsWholeAndInParts()
    {
        var terms = SearchText.Terms(["Ri Yong-Chol", "JOSÉ", "POW-2025-000123", null, "  "]).ToHashSet();

        Assert.Contains("ri", terms);
        Assert.Contains("yong-chol", terms);
        Assert.Contains("yong", terms);
        Assert.Contains("chol", terms);
        Assert.Contains("jose", terms);
        Assert.Contains("pow-2025-000123", terms);
        Assert.Contains("000123", terms);
        Assert.DoesNotContain("", terms);
    }

    [Fact]
    public void Terms_KeepHangulAndCyrillicSyllablesWhole()
    {
        var terms = SearchText.Terms(["리영철", "Ли Ён Чхоль"]).ToHashSet();
        Assert.Contains("리영철", terms);
        Assert.Contains("ли", terms);
        Assert.Contains("чхоль", terms);
    }

    [Fact]
    public void QueryWords_AreFoldedAndCapped()
    {
        Assert.Equal(["kim", "chol"], SearchText.QueryWords("  KIM   Chól "));
        Assert.Equal(SearchText.MaxQueryWords, SearchText.QueryWords(string.Join(' ', Enumerable.Range(0, 50).Select(i => $"w{i}"))).Count);
        Assert.Empty(SearchText.QueryWords("\u0000\u0001 "));
    }
}
