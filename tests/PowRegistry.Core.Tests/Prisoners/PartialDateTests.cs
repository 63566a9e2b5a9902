using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Prisoners;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("1998", "1998-01-01", "1998-12-31")]
    [InlineData("1998-02", "1998-02-01", "1998-02-28")]
    [InlineData("2000-02", "2000-02-01", "2000-02-29")]
    [InlineData("1998-04-17", "1998-04-17", "1998-04-17")]
    [InlineData(" 1998-04 ", "1998-04-01", "1998-04-30")]
    public void Parses_YearMonthOrDay_WithTheRangeItCouldMean(string text, string earliest, string latest)
    {
        Assert.True(PartialDate.TryParse(text, out var date));
        Assert.Equal(DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture), date.Earliest);
        Assert.Equal(DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture), date.Latest);
        Assert.Equal(text.Trim(), date.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("98")]
    [InlineData("1998-4")]
    [InlineData("1998-13")]
    [InlineData("1998-02-30")]
    [InlineData("1998-02-28-01")]
    [InlineData("abcd")]
    [InlineData("1998/04/17")]
    [InlineData("١٩٩٨")] // Arabic-Indic digits are digits to char.IsDigit, not to us
    [InlineData("0000")]
    public void Refuses_AnythingElse(string text) => Assert.False(PartialDate.TryParse(text, out _));
}
