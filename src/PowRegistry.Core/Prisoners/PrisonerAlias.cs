namespace PowRegistry.Core.Prisoners;

/// <summary>Another name the man is known by: another script, another spelling, or the name on a document he carried.</summary>
public sealed class PrisonerAlias
{
    private PrisonerAlias() { }

    internal PrisonerAlias(string name, InformationSource source, Confidence confidence, string? notes)
    {
        Name = name;
        Source = source;
        Confidence = confidence;
        Notes = notes;
    }

    public int Id { get; private set; }
    public int PrisonerId { get; private set; }
    public string Name { get; private set; } = "";
    public InformationSource Source { get; private set; }
    public Confidence Confidence { get; private set; }
    public string? Notes { get; private set; }
}
