namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// A horizontal bar chart drawn as SVG on the server (no script, no outside CDN, nothing the CSP must allow),
/// always followed by the table it is drawn from. See Pages/Shared/_BarChart.cshtml.
/// </summary>
public sealed record BarChart(string Id, string Title, string KeyHeading, IReadOnlyList<Bar> Bars)
{
    public const int LabelWidth = 210;
    public const int BarArea = 330;
    public const int RowHeight = 26;

    public int Height => Math.Max(1, Bars.Count) * RowHeight;

    /// <summary>Bar length in SVG units; the longest bar fills the area, an empty one shows as a sliver.</summary>
    public int LengthOf(Bar bar)
    {
        var largest = Bars.Count == 0 ? 0 : Bars.Max(b => b.Count);
        return largest == 0 ? 0 : Math.Max(bar.Count == 0 ? 0 : 2, (int)Math.Round(BarArea * (double)bar.Count / largest));
    }
}
