namespace PowRegistry.Core.Prisoners;

/// <summary>
/// For each identity item GC III Art. 17 lets a prisoner give: whether he declined to give it,
/// and where the recorded value came from.
/// </summary>
public sealed record Art17Item(bool Declined, InformationSource Source)
{
    public static readonly Art17Item NotRecorded = new(false, InformationSource.NotRecorded);
}
