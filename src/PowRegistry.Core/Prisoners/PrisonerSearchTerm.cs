namespace PowRegistry.Core.Prisoners;

/// <summary>One searchable word or name key of one prisoner; indexed so that a prefix search is a range scan, not a table scan.</summary>
public sealed class PrisonerSearchTerm
{
    public const int MaxLength = 100;

    private PrisonerSearchTerm() { }

    public PrisonerSearchTerm(int prisonerId, SearchTermKind kind, string term)
    {
        PrisonerId = prisonerId;
        Kind = kind;
        Term = term;
    }

    public int PrisonerId { get; private set; }
    public SearchTermKind Kind { get; private set; }
    public string Term { get; private set; } = "";
}
