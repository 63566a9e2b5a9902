using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;

using PowRegistry.Core.Data;

namespace PowRegistry.Core.Instances;

/// <summary>
/// IDistributedCache in the database, so that what one instance keeps between requests (an import preview, ADR-012)
/// is there when the next request reaches another (ADR-022). Absolute expiry only: nothing here slides. Expired
/// entries are never returned, and are deleted whenever an entry is stored.
/// </summary>
public sealed class DatabaseCache(IDbContextFactory<PowRegistryDbContext> contexts, TimeProvider clock) : IDistributedCache
{
    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        await using var db = await contexts.CreateDbContextAsync(token);
        var now = clock.GetUtcNow();
        return await db.CacheEntries.AsNoTracking().Where(e => e.Key == key && e.ExpiresAt > now).Select(e => e.Value).SingleOrDefaultAsync(token);
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        if (options.SlidingExpiration is not null) throw new NotSupportedException("The database cache has absolute expiry only.");
        var now = clock.GetUtcNow();
        var expires = options.AbsoluteExpiration ?? now + (options.AbsoluteExpirationRelativeToNow ?? TimeSpan.FromMinutes(20));
        await using var db = await contexts.CreateDbContextAsync(token);
        await using var transaction = await db.Database.BeginTransactionAsync(token);
        await db.CacheEntries.Where(e => e.Key == key || e.ExpiresAt <= now).ExecuteDeleteAsync(token);
        db.CacheEntries.Add(new CacheEntry { Key = key, Value = value, ExpiresAt = expires });
        await db.SaveChangesAsync(token);
        await transaction.CommitAsync(token);
    }

    public void Refresh(string key) { }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        await using var db = await contexts.CreateDbContextAsync(token);
        await db.CacheEntries.Where(e => e.Key == key).ExecuteDeleteAsync(token);
    }
}
