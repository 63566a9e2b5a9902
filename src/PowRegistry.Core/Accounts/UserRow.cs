namespace PowRegistry.Core.Accounts;

public sealed record UserRow(string Id, string Email, string DisplayName, string Role, bool IsDisabled);
