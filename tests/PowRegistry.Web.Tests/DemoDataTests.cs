using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Demo;
using PowRegistry.Core.Requests;
using PowRegistry.Core.Review;
using PowRegistry.Core.Wishes;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>--seed-demo fills every feature (issue 15), so that a first look shows every review figure and chart with something in it.</summary>
public sealed class DemoDataTests(DemoDataTests.Seeded app) : IClassFixture<DemoDataTests.Seeded>
{
    /// <summary>The application with its bootstrap administrator (who can own action items), then the demo seeded once.</summary>
    public sealed class Seeded : PowRegistryFactory, IAsyncLifetime
    {
        public async Task InitializeAsync() => await AsSystemAsync<DemoData, bool>(async demo =>
        {
            await demo.SeedAsync(CancellationToken.None);
            return true;
        });

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private Task<T> ReadAsync<T>(Func<PowRegistryDbContext, Task<T>> read) => app.AsSystemAsync(read);

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task EveryKindOfWish_IsStated()
    {
        var destinations = await ReadAsync(db => db.WishDeclarations.Select(w => w.Destination).Distinct().ToListAsync());
        Assert.Equal(Enum.GetValues<WishDestination>().Order(), destinations.Order());
        Assert.Contains(WishVerification.Unverified, await ReadAsync(db => db.WishDeclarations.Select(w => w.Verification).Distinct().ToListAsync()));
    }

    [Fact]
    public async Task Requests_StandInSeveralStates()
    {
        var states = await ReadAsync(db => db.TransferRequests.Select(r => r.Status).Distinct().ToListAsync());
        foreach (var expected in new[] { RequestStatus.Draft, RequestStatus.Submitted, RequestStatus.UnderConsultation, RequestStatus.Withdrawn })
        {
            Assert.Contains(expected, states);
        }
        Assert.True(states.Count >= 5, string.Join(", ", states));
    }

    [Fact]
    public async Task Consultations_WithCounterparts_InSeveralStates_WithActionItemsSomeOverdue()
    {
        Assert.True(await ReadAsync(db => db.Counterparts.CountAsync()) >= 4);
        var statuses = await ReadAsync(db => db.Consultations.Select(c => c.Status).Distinct().ToListAsync());
        Assert.True(statuses.Count >= 4, string.Join(", ", statuses));
        var items = await ReadAsync(db => db.Consultations.SelectMany(c => c.ActionItems).ToListAsync());
        Assert.Contains(items, i => i.IsOverdue(Today));
        Assert.Contains(items, i => !i.IsOverdue(Today));
    }

    [Fact]
    public async Task TheReview_HasSomethingInItsCharts()
    {
        var review = await app.AsSystemAsync<ReviewService, ReviewFigures>(r => r.FiguresAsync(CancellationToken.None));
        Assert.True(review.ConsultationsByStatus.Count(t => t.Count > 0) >= 4);
        Assert.True(review.ConsultationsByCounterpart.Count >= 2);
        Assert.NotEmpty(review.OverdueActionItems);
        Assert.NotEmpty(review.RequestsUnderConsultation);
        Assert.True(review.PrisonersByWish.Count(t => t.Count > 0) >= 4);
        Assert.True(review.PrisonersByVerification.Count(t => t.Count > 0) >= 2);
        Assert.True(review.PrisonersByCustody.Count(t => t.Count > 0) >= 2);
    }
}
