namespace PowRegistry.Core.Prisoners;

/// <summary>How register search chooses its shape (see <see cref="RegisterSearch"/>). Tests lower these to exercise every shape on a small register.</summary>
public sealed class RegisterSearchOptions
{
    /// <summary>A condition with fewer index entries than this has its list of ids read whole; a longer one is only probed row by row.</summary>
    public int ListCap { get; set; } = 5000;

    /// <summary>
    /// Conditions are counted in turn to find the rarest; once one has fewer entries than this, the rest are not
    /// counted: probing its few entries for them costs less than another count, a statement of its own.
    /// </summary>
    public int RareEnough { get; set; } = 200;

    /// <summary>
    /// When every name key condition reaches <see cref="ListCap"/> and no typed word matches, a given name's keys with
    /// fewer entries than this are read whole all the same: a surname and a given name together match far fewer
    /// records than either, so a walk would probe many rows for a page (see RegisterSearch's SparseAsync).
    /// </summary>
    public int SparseListCap { get; set; } = 20_000;

    /// <summary>
    /// A search in name or date order over a common term walks at most this many rows of that order looking for a
    /// page of matches; when they lie further along (a surname, in name order), it sorts the remaining matches instead.
    /// </summary>
    public int WalkLimit { get; set; } = 10_000;

    /// <summary>
    /// With a filter or a desk, the exact part of a relevance search first walks at most this many of the filtered rows
    /// in id order (the filter's own (filter, Id) index), probing the exact words, before it walks the driver word's
    /// entries past them.
    /// </summary>
    public int ExactFilterWalk { get; set; } = 1000;

    /// <summary>How far the rows left after such a walk, and the matches' lists, are counted to choose which one drives the sort.</summary>
    public int SortCountCap { get; set; } = 100_000;
}
