namespace PowRegistry.Core.Names;

/// <summary>One surname in all the spellings <c>surnames.csv</c> knows for it.</summary>
internal sealed record Surname(
    IReadOnlyList<string> Hangul,
    IReadOnlyList<string> North,
    IReadOnlyList<string> Revised,
    IReadOnlyList<string> McCuneReischauer,
    IReadOnlyList<string> NorthKorean,
    IReadOnlyList<string> OtherLatin,
    IReadOnlyList<string> Cyrillic)
{
    public IEnumerable<string> AllHangul => Hangul.Concat(North).Distinct(StringComparer.Ordinal);

    public IEnumerable<string> AllLatin => Revised.Concat(McCuneReischauer).Concat(NorthKorean).Concat(OtherLatin);
}
