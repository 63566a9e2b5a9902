namespace PowRegistry.Core.Prisoners;

/// <summary>Where a value came from (GC III Art. 17: a prisoner may carry false documents).</summary>
public enum InformationSource
{
    NotRecorded = 0,
    Stated = 1,
    DocumentCarried = 2,
    OtherSource = 3,
}
