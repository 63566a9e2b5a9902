namespace PowRegistry.Core.Exchange;

/// <summary>A record on the register, or an earlier row of the same file, that may be the same man.</summary>
public sealed record ImportDuplicate(string Reference, string? Name, string Why)
{
    public override string ToString() => Name is null ? $"{Reference} — {Why}" : $"{Reference} {Name} — {Why}";
}
