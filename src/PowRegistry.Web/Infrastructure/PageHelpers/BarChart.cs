namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// A horizontal bar chart drawn as SVG on the server (no script, no outside CDN, nothing the CSP must allow),
/// always followed by the table it is drawn from. See Pages/Shared/_BarChart.cshtml.
/// </summary>
public sealed record BarChart(string Id, string Title, string KeyHeading, IReadOnlyList<Bar> Bars)
{
    /// <summary>Bar length as a percentage of the track: the longest bar fills it, a non-empty one shows at least as a sliver.</summary>
    public double PercentOf(Bar bar)
    {
        var largest = Bars.Count == 0 ? 0 : Bars.Max(b => b.Count);
        if (largest == 0 || bar.Count == 0) return 0;
        return Math.Max(0.5, Math.Round(100.0 * bar.Count / largest, 1));
    }
}
