using System.Globalization;
using System.Text;

using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;

namespace PowRegistry.Core.Retention;

/// <summary>
/// Runs retention once a day (ADR-024). Several instances each look every hour; the one that takes the `retention`
/// lease (ADR-022) checks the day of the last run, kept in the shared cache, and runs only if it is not today. The
/// operator's `retention --apply` takes the same lease, so two runs never overlap. A run is idempotent besides: an
/// anonymised record is never due again.
/// </summary>
public sealed class RetentionSchedule(IServiceScopeFactory scopes, Instances.Leases leases, IDistributedCache shared, RetentionOptions options,
    TimeProvider clock, ILogger<RetentionSchedule> logger) : BackgroundService
{
    public const string Lease = "retention";
    private const string LastRunKey = "retention:last-run";

    /// <summary>The first look waits a while after start, so that starting (and tests that start the app) is not slowed by it.</summary>
    private static readonly TimeSpan FirstLook = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.RunDaily) return;
        try
        {
            await Task.Delay(FirstLook, stoppingToken); // real time, like the lease's own waits
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunIfDueAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "The daily retention run failed; the next look tries again");
                }
                await Task.Delay(Interval, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Runs retention unless another instance holds the lease or today's run is done. Returns the run, or null when it did not run.</summary>
    public async Task<RetentionRun?> RunIfDueAsync(CancellationToken ct)
    {
        var holder = Guid.NewGuid().ToString("N");
        if (!await leases.TryTakeAsync(Lease, holder, ct)) return null;
        try
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (await shared.GetAsync(LastRunKey, ct) is { } last && Encoding.UTF8.GetString(last) == today) return null;
            var run = await RunAsync(scopes, ct);
            await shared.SetAsync(LastRunKey, Encoding.UTF8.GetBytes(today), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromDays(2) }, ct);
            logger.LogInformation("Daily retention run: {Anonymised} anonymised, {Held} held, {Failed} failed", run.Anonymised.Count, run.Held.Count, run.Failed.Count);
            return run;
        }
        finally
        {
            await leases.ReleaseAsync(Lease, holder);
        }
    }

    /// <summary>One run as the system, in a scope of its own.</summary>
    internal static async Task<RetentionRun> RunAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        return await scope.ServiceProvider.GetRequiredService<RetentionService>().ApplyAsync(Actor.System, ct);
    }
}
