namespace PowRegistry.Core.Accounts;

public sealed record UserTwoFactorRow(string Id, string Email, string DisplayName, bool Enabled);
