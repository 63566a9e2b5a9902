using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Notifications;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Prisoners;

/// <summary>
/// The save keeps search terms in step, not each service method: a change made straight through the DbContext
/// (no service involved) is found by search afterwards, and what was removed no longer is. Each test uses names of
/// its own that sound like no other here (search also matches by sound).
/// </summary>
public sealed class SearchTermUpkeepTests(TestServices app) : IClassFixture<TestServices>
{
    private async Task<Prisoner> CreateAsync(PrisonerInput input)
    {
        input.DuplicatesChecked = true;
        return (await app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(input, TestServices.Officer, CancellationToken.None))).Value!;
    }

    private async Task<int[]> FoundAsync(string search) =>
        (await app.Run<RegisterService, RegisterPage>(s => s.ListAsync(new RegisterQuery { Search = search, PageSize = 200 }, CancellationToken.None)))
            .Rows.Select(r => r.Id).ToArray();

    /// <summary>The stored rows are exactly what the record, as saved, says he can be found by.</summary>
    private async Task AssertTermsInStepAsync(int id)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
        var prisoner = await db.Prisoners.IgnoreQueryFilters().Include(p => p.Aliases).Include(p => p.Documents).AsSplitQuery().SingleAsync(p => p.Id == id);
        var stored = await db.PrisonerSearchTerms.Where(t => t.PrisonerId == id).Select(t => new { t.Kind, t.Term }).ToListAsync();
        Assert.NotEmpty(stored);
        Assert.Equal(prisoner.SearchTerms().Select(t => $"{t.Kind}:{t.Term}").Order(StringComparer.Ordinal),
            stored.Select(t => $"{t.Kind}:{t.Term}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ANameChangedThroughTheDbContext_IsFound_AndTheOldOneIsNot()
    {
        var prisoner = await CreateAsync(new PrisonerInput { FamilyName = "Bogdanov", InitialAlias = "Vorobyov" });

        await using (var scope = app.Scope())
        {
            // Loaded without his aliases: the save must read them back rather than drop their terms.
            var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
            var tracked = await db.Prisoners.SingleAsync(p => p.Id == prisoner.Id);
            db.Entry(tracked).Property(p => p.FamilyName).CurrentValue = "Kuznetsov";
            await db.SaveChangesAsync();
        }

        Assert.Equal([prisoner.Id], await FoundAsync("kuznetsov"));
        Assert.Empty(await FoundAsync("bogdanov"));
        Assert.Equal([prisoner.Id], await FoundAsync("vorobyov"));
        await AssertTermsInStepAsync(prisoner.Id);
    }

    [Fact]
    public async Task AnAliasAddedThroughTheDbContext_IsFound()
    {
        var prisoner = await CreateAsync(new PrisonerInput { FamilyName = "Fedorov" });

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
            var tracked = await db.Prisoners.Include(p => p.Aliases).Include(p => p.Documents).SingleAsync(p => p.Id == prisoner.Id);
            tracked.AddAlias("Zhukovsky", InformationSource.Stated, Confidence.NotAssessed, null, TestServices.Officer, TestServices.Now);
            await db.SaveChangesAsync();
        }

        Assert.Equal([prisoner.Id], await FoundAsync("zhukovsky"));
        await AssertTermsInStepAsync(prisoner.Id);
    }

    [Fact]
    public async Task AnAliasDeletedThroughTheDbContext_IsNoLongerFound()
    {
        var prisoner = await CreateAsync(new PrisonerInput { FamilyName = "Medvedev", InitialAlias = "Lebedinsky" });
        Assert.Equal([prisoner.Id], await FoundAsync("lebedinsky"));

        await using (var scope = app.Scope())
        {
            // Only the alias is loaded, never the record it belongs to.
            var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
            db.PrisonerAliases.Remove(await db.PrisonerAliases.SingleAsync(a => a.PrisonerId == prisoner.Id));
            await db.SaveChangesAsync();
        }

        Assert.Empty(await FoundAsync("lebedinsky"));
        Assert.Equal([prisoner.Id], await FoundAsync("medvedev"));
        await AssertTermsInStepAsync(prisoner.Id);
    }

    [Fact]
    public async Task ARecordAddedThroughTheDbContext_IsFoundByNameAndReference()
    {
        int id;
        string reference;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
            var prisoner = Prisoner.Register(new PrisonerDetails { FamilyName = "Sokolov" }, "Belousov", InformationSource.Stated, Core.Desks.Desk.DefaultDeskId,
                TestServices.Officer, TestServices.Now, new NotificationOptions());
            db.Prisoners.Add(prisoner);
            await db.SaveChangesAsync(); // the id is known only now
            prisoner.AssignReference();
            await db.SaveChangesAsync();
            (id, reference) = (prisoner.Id, prisoner.Reference);
        }

        Assert.Equal([id], await FoundAsync("sokolov"));
        Assert.Equal([id], await FoundAsync("belousov"));
        Assert.Equal([id], await FoundAsync(reference));
        await AssertTermsInStepAsync(id);
    }

    [Fact]
    public async Task ADocumentAddedThroughTheService_IsFoundByTheNameItShows()
    {
        var prisoner = await CreateAsync(new PrisonerInput { FamilyName = "Pavlov" });

        await app.Run<PrisonerService, ServiceResult<IdentityDocument>>(s => s.AddDocumentAsync(prisoner.Id,
            new IdentityDocumentInput { DocumentType = "Military ID", NameShown = "Grigorenko" }, TestServices.Officer, CancellationToken.None));

        Assert.Equal([prisoner.Id], await FoundAsync("grigorenko"));
        await AssertTermsInStepAsync(prisoner.Id);
    }

    [Fact]
    public async Task AMergedRecord_LosesItsTerms_AndTheSurvivorIsFoundByThem()
    {
        var survivor = await CreateAsync(new PrisonerInput { FamilyName = "Orlov" });
        var duplicate = await CreateAsync(new PrisonerInput { FamilyName = "Tarasov", InitialAlias = "Khabibulin" });

        var merged = await app.Run<MergeService, ServiceResult<Prisoner>>(s => s.MergeAsync(survivor.Id, duplicate.Reference, "Same man", TestServices.Officer, CancellationToken.None));

        Assert.True(merged.Succeeded);
        Assert.Equal(0, await app.Run(async (PowRegistryDbContext db) => await db.PrisonerSearchTerms.CountAsync(t => t.PrisonerId == duplicate.Id)));
        Assert.Equal([survivor.Id], await FoundAsync("khabibulin"));
        Assert.Equal([survivor.Id], await FoundAsync("tarasov")); // his name on the merged record is now an alias
        await AssertTermsInStepAsync(survivor.Id);
    }

    [Fact]
    public async Task ABatch_WritesEveryRecordsTerms_ReferencesIncluded()
    {
        var result = await app.Run((BatchRegistrationService s) => s.CreateManyAsync(
            [new PrisonerInput { FamilyName = "Yakovlev", DuplicatesChecked = true }, new PrisonerInput { FamilyName = "Nikitin", InitialAlias = "Romanenko", DuplicatesChecked = true }],
            TestServices.Officer, CancellationToken.None));

        Assert.True(result.Succeeded);
        foreach (var created in result.Created)
        {
            Assert.Equal([created.Id], await FoundAsync(created.Reference));
            await AssertTermsInStepAsync(created.Id);
        }
        Assert.Equal([result.Created[1].Id], await FoundAsync("romanenko"));
    }
}
