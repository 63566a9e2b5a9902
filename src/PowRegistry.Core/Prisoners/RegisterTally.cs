namespace PowRegistry.Core.Prisoners;

/// <summary>
/// How many prisoners of one desk have one value of one figure (custody status, current wish, its verification):
/// the administrators' review sums these rows over the desks its reader may see instead of counting a million
/// records on every view. Merged records are not counted. Kept exact by the save (<see cref="RegisterTallyUpkeep"/>);
/// see ADR-015.
/// </summary>
public sealed class RegisterTally
{
    private RegisterTally() { }

    internal RegisterTally(int deskId, TallyDimension dimension, int value, int count)
    {
        DeskId = deskId;
        Dimension = dimension;
        Value = value;
        Count = count;
    }

    public int DeskId { get; private set; }
    public TallyDimension Dimension { get; private set; }
    public int Value { get; private set; }
    public int Count { get; private set; }
}

/// <summary>Tally rows summed over the desks a reader may see: one dimension's value, or a whole dimension (Value 0).</summary>
public sealed class TallySum
{
    public TallyDimension Dimension { get; init; }
    public int Value { get; init; }
    public int Count { get; init; }
}
