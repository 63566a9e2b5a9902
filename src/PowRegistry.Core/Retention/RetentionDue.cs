using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Retention;

/// <summary>A closed record that is (or will be, by the horizon asked for) due for anonymisation, and why; held records are listed as held.</summary>
public sealed record RetentionDue(int PrisonerId, string Reference, int DeskId, CustodyStatus ClosedAs, DateOnly ClosedOn, DateOnly DueOn, string? LegalHoldReason)
{
    public bool Held => LegalHoldReason is not null;
}
