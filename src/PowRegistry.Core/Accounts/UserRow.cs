namespace PowRegistry.Core.Accounts;

/// <summary>An account as the users list shows it. <see cref="DeskCount"/>: a case officer on no desk sees no record.</summary>
public sealed record UserRow(string Id, string Email, string DisplayName, string Role, bool IsDisabled, int DeskCount)
{
    public bool IsOfficerWithoutDesk => Role == Roles.CaseOfficer && DeskCount == 0;
}
