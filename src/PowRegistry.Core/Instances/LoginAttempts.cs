using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Data;

namespace PowRegistry.Core.Instances;

/// <summary>
/// Counts login attempts in the database, so the limit holds across every app instance (ADR-022): an attempt is
/// recorded under each of its keys (the account, the client address), then counted within the window.
/// </summary>
public sealed class LoginAttempts(IDbContextFactory<PowRegistryDbContext> contexts, TimeProvider clock)
{
    /// <summary>
    /// Records an attempt and returns true when no key has more than <paramref name="limit"/> attempts within the
    /// window. Over the limit the attempt is taken back (refused attempts do not prolong a refusal, as before).
    /// Recording before counting means two simultaneous attempts can both be refused at the limit, never both let through.
    /// </summary>
    public async Task<bool> TryRecordAsync(IReadOnlyList<string> keys, int limit, TimeSpan window, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var since = now - window;
        // Older attempts no longer count: removed here, so the table holds one window's worth (an indexed delete).
        await db.LoginAttempts.Where(a => a.At <= since).ExecuteDeleteAsync(ct);

        var attempts = keys.Select(key => new LoginAttempt { Key = key, At = now }).ToList();
        db.LoginAttempts.AddRange(attempts);
        await db.SaveChangesAsync(ct);

        foreach (var key in keys)
        {
            if (await db.LoginAttempts.CountAsync(a => a.Key == key && a.At > since, ct) <= limit) continue;
            db.LoginAttempts.RemoveRange(attempts);
            await db.SaveChangesAsync(CancellationToken.None);
            return false;
        }
        return true;
    }
}
