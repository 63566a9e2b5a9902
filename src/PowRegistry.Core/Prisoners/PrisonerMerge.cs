namespace PowRegistry.Core.Prisoners;

/// <summary>The record that an administrator merged one prisoner record into another, with the reason: shown on the survivor.</summary>
public sealed class PrisonerMerge
{
    private PrisonerMerge() { }

    internal PrisonerMerge(int survivorId, int mergedId, string mergedReference, string reason, string mergedBy, DateTimeOffset mergedAt)
    {
        SurvivorId = survivorId;
        MergedId = mergedId;
        MergedReference = mergedReference;
        Reason = reason;
        MergedBy = mergedBy;
        MergedAt = mergedAt;
    }

    public int Id { get; private set; }
    public int SurvivorId { get; private set; }
    public int MergedId { get; private set; }
    public string MergedReference { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string MergedBy { get; private set; } = "";
    public DateTimeOffset MergedAt { get; private set; }
}
