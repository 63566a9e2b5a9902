using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Instances;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Retention;

namespace PowRegistry.Core.Tests.Retention;

/// <summary>The daily run: once a day, whichever of several instances gets there first, never two at once.</summary>
public sealed class RetentionScheduleTests : IAsyncLifetime
{
    private readonly TestServices _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    /// <summary>What one app instance would have: its own schedule over the shared database.</summary>
    private RetentionSchedule Instance() => new(_app.Root.GetRequiredService<IServiceScopeFactory>(), new Leases(_app.Root.GetRequiredService<IDbContextFactory<PowRegistryDbContext>>(), _app.Clock),
        _app.Root.GetRequiredService<IDistributedCache>(), new RetentionOptions(), _app.Clock, NullLogger<RetentionSchedule>.Instance);

    private async Task ClosedLongAgoAsync(string family)
    {
        var id = (await _app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput { FamilyName = family, DateOfCapture = "2013-01-01", DuplicatesChecked = true }, TestServices.Officer, CancellationToken.None))).Value!.Id;
        await _app.Run<PrisonerService, ServiceResult<CustodyEvent>>(s => s.AddCustodyEventAsync(id, new CustodyEventInput { Kind = CustodyEventKind.Released, Date = "2014-01-01" }, TestServices.Officer, CancellationToken.None));
    }

    private Task<int> AnonymisationsAsync() => _app.Run<PowRegistryDbContext, int>(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.Anonymise));

    [Fact]
    public async Task TwoInstances_RunItOnceADay()
    {
        await ClosedLongAgoAsync("Daily");
        var (a, b) = (Instance(), Instance());

        var runs = await Task.WhenAll(a.RunIfDueAsync(CancellationToken.None), b.RunIfDueAsync(CancellationToken.None));
        Assert.Single(runs, r => r is not null);
        Assert.Null(await b.RunIfDueAsync(CancellationToken.None)); // later the same day: done already
        Assert.Null(await a.RunIfDueAsync(CancellationToken.None));
        Assert.Equal(1, await AnonymisationsAsync());

        await ClosedLongAgoAsync("Nextday");
        _app.Clock.Advance(TimeSpan.FromDays(1));
        var next = await b.RunIfDueAsync(CancellationToken.None);
        Assert.NotNull(next);
        Assert.Single(next.Anonymised);
        Assert.Equal(2, await AnonymisationsAsync());
    }

    [Fact]
    public async Task WhileTheLeaseIsHeld_NoInstanceRuns()
    {
        await ClosedLongAgoAsync("Leased");
        var leases = new Leases(_app.Root.GetRequiredService<IDbContextFactory<PowRegistryDbContext>>(), _app.Clock);
        Assert.True(await leases.TryTakeAsync(RetentionSchedule.Lease, "the operator's --apply", CancellationToken.None));
        Assert.Null(await Instance().RunIfDueAsync(CancellationToken.None));
        Assert.Equal(0, await AnonymisationsAsync());
    }
}
