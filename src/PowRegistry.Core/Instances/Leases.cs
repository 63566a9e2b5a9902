using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Data;

namespace PowRegistry.Core.Instances;

/// <summary>
/// Work that must be done by one app instance at a time (start-up, first-run setup) takes a lease: a row in Leases
/// with a holder and an expiry. Taking it is one atomic UPDATE ... WHERE expired (or an INSERT the primary key lets
/// only one instance win), so it works the same on any database; a holder that dies loses the lease when it expires.
/// </summary>
public sealed class Leases(IDbContextFactory<PowRegistryDbContext> contexts, TimeProvider clock)
{
    /// <summary>How long a lease lasts without renewal; the holder renews it every third of that while it works.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>Takes the lease or returns false at once. The same holder may take it again (that renews it).</summary>
    public async Task<bool> TryTakeAsync(string name, string holder, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var expires = now + Duration;
        var taken = await db.Leases.Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, expires), ct);
        if (taken == 1) return true;
        if (await db.Leases.AnyAsync(l => l.Name == name, ct)) return false;
        db.Leases.Add(new Lease { Name = name, Holder = holder, ExpiresAt = expires });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another instance inserted it first
        }
    }

    public async Task ReleaseAsync(string name, string holder)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.Leases.Where(l => l.Name == name && l.Holder == holder).ExecuteDeleteAsync();
    }

    /// <summary>Waits until the lease is free and takes it; it is renewed until the returned handle is disposed.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(string name, CancellationToken ct)
    {
        var holder = Guid.NewGuid().ToString("N");
        while (!await TryTakeAsync(name, holder, ct)) await Task.Delay(Poll, ct); // real time: a test's frozen clock must not stop the wait
        return new Held(this, name, holder);
    }

    private sealed class Held : IAsyncDisposable
    {
        private readonly Leases _leases;
        private readonly string _name;
        private readonly string _holder;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewing;

        public Held(Leases leases, string name, string holder)
        {
            (_leases, _name, _holder) = (leases, name, holder);
            _renewing = RenewAsync();
        }

        // Long work (rebuilding the search index at a million records) must not lose the lease halfway.
        private async Task RenewAsync()
        {
            using var timer = new PeriodicTimer(Duration / 3);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    try
                    {
                        await _leases.TryTakeAsync(_name, _holder, _stop.Token);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // a busy database: the next tick tries again, well before the lease runs out
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _renewing;
            _stop.Dispose();
            await _leases.ReleaseAsync(_name, _holder);
        }
    }
}
