using System.Threading.Channels;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;

namespace PowRegistry.Core.Audit;

/// <summary>
/// Writes "who opened which record" to the audit chain with group commit (ADR-016). Each view queues its entry and
/// waits for it; one writer takes everything queued, appends it to the chain in one write transaction (under the
/// database's write lock, like every other save) and commits once, then releases all those waiting. The caller shows
/// the record only after its own entry is durable; if the commit fails, every view in it fails.
/// One per application (singleton); the writer starts with the first view. Disposing it stops taking views and
/// commits those queued; should the container already be gone, they fail, and their pages are not shown.
/// </summary>
public sealed class AccessLog(IServiceScopeFactory scopes, ILogger<AccessLog> logger) : IAsyncDisposable, IDisposable
{
    /// <summary>Entries per transaction at most: bounds one commit's size and the time the write lock is held.</summary>
    internal const int MaxBatch = 512;

    private readonly Channel<PendingAccess> _queue = Channel.CreateUnbounded<PendingAccess>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _starting = new();
    private Task? _writer;
    private int _pending;

    /// <summary>Views queued or being written, not yet committed (tests wait on it; no timing involved).</summary>
    internal int Pending => Volatile.Read(ref _pending);

    /// <summary>
    /// Queues an access entry and completes when it is committed to the audit chain. Throws when it could not be
    /// written; then the caller must not show what was opened.
    /// </summary>
    public Task RecordAsync(DateTimeOffset at, string userId, string entityType, string entityId, int? prisonerId, CancellationToken ct)
    {
        EnsureStarted();
        var access = new PendingAccess(at, userId, entityType, entityId, prisonerId);
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(access))
        {
            Interlocked.Decrement(ref _pending);
            throw new ObjectDisposedException(nameof(AccessLog));
        }
        // The entry is written even if the request goes away meanwhile; the caller just stops waiting.
        return access.Committed.Task.WaitAsync(ct);
    }

    private void EnsureStarted()
    {
        if (_writer is not null) return;
        lock (_starting)
        {
            if (_writer is not null) return;
            _writer = Task.Run(WriteLoopAsync);
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAccess>(MaxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var access)) batch.Add(access);
            try
            {
                await WriteAsync(batch).ConfigureAwait(false);
                Interlocked.Add(ref _pending, -batch.Count);
                foreach (var access in batch) access.Committed.TrySetResult();
            }
            catch (Exception e)
            {
                logger.LogError(e, "Could not write {Count} access entries to the audit trail", batch.Count);
                Interlocked.Add(ref _pending, -batch.Count);
                foreach (var access in batch) access.Committed.TrySetException(e);
            }
        }
    }

    private async Task WriteAsync(List<PendingAccess> batch)
    {
        // A unit of work of its own, as the system: each view carries its own user.
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
        await db.AppendAccessesAsync(batch, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Stops taking views and waits until those queued are committed (or have failed).</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer is { } writer) await writer.ConfigureAwait(false);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
