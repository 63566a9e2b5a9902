namespace PowRegistry.Core.Accounts;

public sealed record TwoFactorStatus(bool Enabled, bool RequiredByRole, string? SharedKey, string? AuthenticatorUri);
