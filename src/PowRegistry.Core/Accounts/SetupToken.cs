using System.Security.Cryptography;

using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Data;
using PowRegistry.Core.Instances;

namespace PowRegistry.Core.Accounts;

/// <summary>
/// The one-time setup token. The database keeps only its hash, so every app instance can check it (ADR-022); the
/// value is printed once, by the instance that issued it. A restart issues a new one while no user exists, unless
/// another instance issued one moments ago (instances starting together print one token, not one each).
/// </summary>
public sealed class SetupToken(IDbContextFactory<PowRegistryDbContext> contexts, TimeProvider clock) : IDisposable
{
    /// <summary>A token younger than this is kept by an instance that starts: it was issued by one starting alongside.</summary>
    internal static readonly TimeSpan StartingTogether = TimeSpan.FromMinutes(2);

    private string? _value;

    internal SemaphoreSlim Gate { get; } = new(1, 1);

    public void Dispose() => Gate.Dispose();

    /// <summary>The token this instance issued, while unused (null on the other instances).</summary>
    public string? Value => _value;

    /// <summary>Issues a new token (replacing any older one); false when another instance issued one moments ago.</summary>
    public async Task<bool> IssueAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var existing = await db.SetupTokens.AsNoTracking().SingleOrDefaultAsync(ct);
        if (existing is not null && now - existing.IssuedAt < StartingTogether) return false;

        var value = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        await db.SetupTokens.ExecuteDeleteAsync(ct);
        db.SetupTokens.Add(new StoredSetupToken { Id = StoredSetupToken.OnlyId, Hash = HashOf(value), IssuedAt = now });
        await db.SaveChangesAsync(ct);
        _value = value;
        return true;
    }

    public async Task RevokeAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.SetupTokens.ExecuteDeleteAsync(ct);
        _value = null;
    }

    public async Task<bool> MatchesAsync(string? candidate, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(candidate)) return false;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var stored = await db.SetupTokens.AsNoTracking().Select(t => t.Hash).SingleOrDefaultAsync(ct);
        return stored is not null &&
            CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(stored), System.Text.Encoding.ASCII.GetBytes(HashOf(candidate.Trim())));
    }

    // 128 random bits need no slow hash: SHA-256 keeps the value unreadable in the database and in backups.
    private static string HashOf(string value) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)));
}
