namespace PowRegistry.Core.Accounts;

public sealed record RoleTwoFactorRow(string Role, bool Required);
