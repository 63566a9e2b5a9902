using System.Security.Cryptography;

namespace PowRegistry.Core.Accounts;

/// <summary>The one-time setup token (in memory only; a restart issues a new one while no user exists).</summary>
public sealed class SetupToken : IDisposable
{
    private string? _value;

    internal SemaphoreSlim Gate { get; } = new(1, 1);

    public void Dispose() => Gate.Dispose();

    public string? Value => _value;

    public void Issue() => _value = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public void Revoke() => _value = null;

    public bool Matches(string? candidate) =>
        _value is not null && candidate is not null &&
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(_value), System.Text.Encoding.UTF8.GetBytes(candidate.Trim()));
}
