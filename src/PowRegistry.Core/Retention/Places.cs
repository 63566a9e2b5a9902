namespace PowRegistry.Core.Retention;

/// <summary>
/// Places are free text, written "place, district, region" by convention (docs/user-guide.md). Anonymisation keeps the
/// region: the last comma-separated part. A place without a comma is dropped, since a village cannot be told from a region.
/// </summary>
public static class Places
{
    public static string? Region(string? place)
    {
        if (place is null) return null;
        var comma = place.LastIndexOf(',');
        if (comma < 0) return null;
        var region = place[(comma + 1)..].Trim();
        return region.Length == 0 ? null : region;
    }
}
