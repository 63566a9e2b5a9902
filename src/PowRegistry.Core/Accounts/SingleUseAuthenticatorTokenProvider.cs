using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

using Microsoft.AspNetCore.Identity;

namespace PowRegistry.Core.Accounts;

/// <summary>
/// Checks authenticator-app codes (RFC 6238 TOTP: HMAC-SHA1, 6 digits, 30-second steps, one step of clock drift
/// either way) like Identity's own provider, and in addition accepts each time step once per user (OWASP ASVS
/// 2.8.4): a code seen over a shoulder or replayed from a captured request is refused. The last accepted step is
/// kept in AspNetUserTokens. The clock is injected so tests can step through time.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string ProviderName = "PowRegistryAuthenticator";
    private const string TokenLoginProvider = "[PowRegistry]";
    private const string LastStepTokenName = "LastAuthenticatorStep";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The code comes from the user's app; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || TwoFactorService.CleanCode(token) is not { } code || !TryFromBase32(key, out var secret)) return false;

        var now = clock.GetUtcNow().ToUnixTimeSeconds() / (long)Step.TotalSeconds;
        var lastUsed = long.TryParse(await manager.GetAuthenticationTokenAsync(user, TokenLoginProvider, LastStepTokenName), NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last : -1;
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (step <= lastUsed || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(code))) continue;
            // If two requests race with the same code, the user's concurrency stamp lets only one of them save.
            var saved = await manager.SetAuthenticationTokenAsync(user, TokenLoginProvider, LastStepTokenName, step.ToString(CultureInfo.InvariantCulture));
            return saved.Succeeded;
        }
        return false;
    }

    /// <summary>The 6-digit code for one time step (RFC 4226 dynamic truncation).</summary>
    public static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // HMAC-SHA1 is what RFC 6238 and every authenticator app use; its collision weakness does not apply to HMAC.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>Identity stores the authenticator key as RFC 4648 base32 (A–Z, 2–7, no padding).</summary>
    public static bool TryFromBase32(string text, out byte[] bytes)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            var value = alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                bytes = [];
                return false;
            }
            buffer = ((buffer << 5) | value) & 0xfff; // at most 12 bits are ever pending
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        bytes = [.. output];
        return bytes.Length > 0;
    }
}
