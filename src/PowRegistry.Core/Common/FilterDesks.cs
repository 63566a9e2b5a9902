namespace PowRegistry.Core.Common;

/// <summary>
/// A user's desks as the database's need-to-know filter reads them (<see cref="Data.PowRegistryDbContext"/>): the first
/// four as single values, any more as one list. Why not the list alone: EF Core turns <c>deskIds.Contains(…)</c> into
/// one SQL parameter per desk, so it cannot keep the statement and writes its SQL again on every run of every query
/// over prisoners, consultations or counts, under a lock that concurrent requests queue on (docs/performance.md).
/// Single values can be kept. A place left empty (null) is left out of the SQL, as is the list when it is null, so EF
/// Core keeps one statement for each number of desks up to four and one for more; a user on one desk is tested with
/// one comparison, as before.
/// </summary>
public sealed class FilterDesks
{
    private const int Places = 4;

    public static readonly FilterDesks None = new([]);

    public FilterDesks(IReadOnlyList<int> deskIds)
    {
        First = deskIds.Count > 0 ? deskIds[0] : null;
        Second = deskIds.Count > 1 ? deskIds[1] : null;
        Third = deskIds.Count > 2 ? deskIds[2] : null;
        Fourth = deskIds.Count > 3 ? deskIds[3] : null;
        More = deskIds.Count > Places ? [.. deskIds.Skip(Places)] : null;
    }

    public int? First { get; }
    public int? Second { get; }
    public int? Third { get; }
    public int? Fourth { get; }

    /// <summary>The desks past the fourth; null for nearly everyone.</summary>
    public int[]? More { get; }
}
