using System.Security.Cryptography;
using System.Text;

using PowRegistry.Core.Common;

namespace PowRegistry.Core.Api;

/// <summary>
/// A personal access token for the JSON API: another system acts as the user it was issued to, with his roles and
/// desks. Only a SHA-256 hash of the token is kept; the token itself is shown once, when issued (ADR-010).
/// </summary>
public sealed class ApiToken
{
    public const string Prefix = "pwr_";
    public const int NameMaxLength = 100;

    /// <summary>The prefix and 256 bits in unpadded base64url.</summary>
    private const int SecretLength = 4 + 43;
    private static readonly System.Buffers.SearchValues<char> Base64UrlCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private ApiToken()
    {
    }

    public int Id { get; private set; }
    public string UserId { get; private set; } = "";

    /// <summary>What the token is for, as the administrator wrote it (e.g. "ICRC tracing sync").</summary>
    public string Name { get; private set; } = "";
    public ApiTokenScope Scope { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the whole token. The audit trail records only that it was set.</summary>
    public string TokenHash { get; private set; } = "";

    /// <summary>The first characters of the token, so that an administrator can tell which one a system holds.</summary>
    public string Hint { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }

    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    /// <summary>A new token: 256 random bits, base64url, after a recognisable prefix (secret scanners look for such prefixes).</summary>
    public static (ApiToken Token, string Secret) Issue(string userId, string name, ApiTokenScope scope, DateTimeOffset expiresAt, Actor actor, DateTimeOffset now)
    {
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new ApiToken
        {
            UserId = userId,
            Name = name,
            Scope = scope,
            TokenHash = HashOf(secret),
            Hint = secret[..(Prefix.Length + 6)],
            CreatedAt = now,
            CreatedBy = actor.UserId,
            ExpiresAt = expiresAt,
        };
        return (token, secret);
    }

    public void Revoke(Actor actor, DateTimeOffset now)
    {
        if (RevokedAt is not null) return;
        RevokedAt = now;
        RevokedBy = actor.UserId;
    }

    /// <summary>
    /// Whether a presented string has the shape <see cref="Issue"/> gives tokens: the prefix, then 43 base64url characters.
    /// </summary>
    public static bool IsWellFormed(string presented) =>
        presented.Length == SecretLength
        && presented.StartsWith(Prefix, StringComparison.Ordinal)
        && presented.AsSpan(Prefix.Length).ContainsAnyExcept(Base64UrlCharacters) == false;

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
