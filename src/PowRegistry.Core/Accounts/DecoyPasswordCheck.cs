using Microsoft.AspNetCore.Identity;

namespace PowRegistry.Core.Accounts;

/// <summary>
/// A login refused without looking at the password (no such account, disabled, locked out) still spends one password
/// hash check, against a hash nobody's password matches, so that the answer's time does not tell whether the account
/// exists or what state it is in. A real check costs one such hash too (PBKDF2, see SignInSetup).
/// </summary>
public sealed class DecoyPasswordCheck(IPasswordHasher<AppUser> hasher)
{
    private static readonly AppUser Nobody = new();
    private static string? _decoyHash;

    public void Spend(string password)
    {
        // Made with the configured hasher, so it costs what a real user's hash costs; random, so nothing matches it.
        _decoyHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        _ = hasher.VerifyHashedPassword(Nobody, _decoyHash, password);
    }
}
