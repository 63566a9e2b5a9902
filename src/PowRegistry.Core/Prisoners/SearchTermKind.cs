namespace PowRegistry.Core.Prisoners;

public enum SearchTermKind
{
    /// <summary>A word as written, folded (SearchText): names, aliases, service number, reference.</summary>
    Word = 0,

    /// <summary>A phonetic name key (Names/NameKeys): meets the same name written in another script or system.</summary>
    NameKey = 1,
}
