using System.Text;

using PowRegistry.Core.Common;
using PowRegistry.Core.Exchange;

namespace PowRegistry.Core.Tests.Exchange;

public sealed class CsvTests
{
    private static CsvReadResult Read(string text) => Csv.Read(Encoding.UTF8.GetBytes(text), 100, 100);

    [Fact]
    public void Read_HandlesQuotesCommasLineBreaksCrLfAndTheBom()
    {
        var result = Csv.Read([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("a,b\r\n\"x, y\",\"say \"\"hi\"\"\nthen\"\r\n리영철,\r\n\r\n")], 100, 100);

        Assert.Null(result.Error);
        Assert.Equal(3, result.Records.Count);
        Assert.Equal(["a", "b"], result.Records[0].Cells);
        Assert.Equal(["x, y", "say \"hi\"\nthen"], result.Records[1].Cells);
        Assert.Equal(["리영철", ""], result.Records[2].Cells);
        Assert.Equal(4, result.Records[2].Line); // the quoted line break counts as a line
    }

    [Theory]
    [InlineData("a,b\n\"open,c\n", "Csv.UnclosedQuote")]
    [InlineData("a,b\nx\"y,c\n", "Csv.QuoteInCell")]
    [InlineData("", "Csv.Empty")]
    public void Read_RefusesMalformedText(string text, string key) =>
        Assert.Equal(key, Read(text).Error?.Key);

    [Fact]
    public void Read_StopsAtTheLimits_AndRefusesInvalidUtf8()
    {
        Assert.Equal(new Message("Csv.TooManyRows", 2), Csv.Read(Encoding.UTF8.GetBytes("h\n1\n2\n3\n"), 3, 100).Error);
        Assert.Equal(new Message("Csv.CellTooLong", 2, 3), Csv.Read(Encoding.UTF8.GetBytes("h\nabcd\n"), 10, 3).Error);
        Assert.Equal("Csv.NotUtf8", Csv.Read([0x61, 0xFF, 0x62], 10, 10).Error?.Key);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+44", "'+44")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("Kim", "Kim")]
    [InlineData("a=b", "a=b")]
    public void Neutralise_PrefixesFormulaCells(string value, string expected) => Assert.Equal(expected, Csv.Neutralise(value));

    [Fact]
    public void Line_QuotesWhatNeedsIt_AndRoundTrips()
    {
        var line = Csv.Line(["plain", "with, comma", "say \"hi\"", "=cmd", null]);
        Assert.Equal("plain,\"with, comma\",\"say \"\"hi\"\"\",'=cmd,\r\n", line);
        Assert.Equal(["plain", "with, comma", "say \"hi\"", "'=cmd", ""], Read(line).Records[0].Cells);
    }
}
