using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Instances;

namespace PowRegistry.Core.Tests.Instances;

/// <summary>The lease several app instances take before doing work only one may do (start-up, first-run setup).</summary>
public sealed class LeaseTests(TestServices services) : IClassFixture<TestServices>
{
    private Leases Leases => services.Root.GetRequiredService<Leases>();

    [Fact]
    public async Task OneHolderAtATime_UntilItReleases()
    {
        Assert.True(await Leases.TryTakeAsync("one-at-a-time", "instance-a", CancellationToken.None));
        Assert.False(await Leases.TryTakeAsync("one-at-a-time", "instance-b", CancellationToken.None));
        Assert.True(await Leases.TryTakeAsync("one-at-a-time", "instance-a", CancellationToken.None)); // renewing

        await Leases.ReleaseAsync("one-at-a-time", "instance-b"); // not b's to release
        Assert.False(await Leases.TryTakeAsync("one-at-a-time", "instance-b", CancellationToken.None));
        await Leases.ReleaseAsync("one-at-a-time", "instance-a");
        Assert.True(await Leases.TryTakeAsync("one-at-a-time", "instance-b", CancellationToken.None));
    }

    [Fact]
    public async Task AHolderThatDied_LosesTheLeaseWhenItExpires()
    {
        Assert.True(await Leases.TryTakeAsync("expiring", "instance-a", CancellationToken.None));
        services.Clock.Advance(Leases.Duration - TimeSpan.FromSeconds(1));
        Assert.False(await Leases.TryTakeAsync("expiring", "instance-b", CancellationToken.None));
        services.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await Leases.TryTakeAsync("expiring", "instance-b", CancellationToken.None));
    }

    [Fact]
    public async Task ManyContenders_AtOnce_ExactlyOneWins()
    {
        var holders = Enumerable.Range(1, 8).Select(i => $"instance-{i}").ToList();
        var taken = await Task.WhenAll(holders.Select(h => Task.Run(() => Leases.TryTakeAsync("contended", h, CancellationToken.None))));
        Assert.Equal(1, taken.Count(t => t));
    }

    [Fact]
    public async Task Acquire_WaitsForTheHolder_ThenHoldsUntilDisposed()
    {
        var first = await Leases.AcquireAsync("queue", CancellationToken.None);
        var second = Leases.AcquireAsync("queue", CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        await using var held = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(await Leases.TryTakeAsync("queue", "someone-else", CancellationToken.None));
    }
}
