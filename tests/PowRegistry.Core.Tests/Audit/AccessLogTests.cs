using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Audit;

/// <summary>
/// Record views are audited with group commit (ADR-016): views queued together share one transaction, each view
/// still waits for its own entry, and the chain stays one unbroken sequence with the entries of ordinary saves.
/// </summary>
public sealed class AccessLogTests : IAsyncLifetime
{
    private readonly CountingServices _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    private async Task<int> CreateAsync(string familyName) =>
        (await _app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput { FamilyName = familyName, DuplicatesChecked = true }, TestServices.Officer, CancellationToken.None))).Value!.Id;

    private async Task OpenAsync(int id, string userId)
    {
        await using var scope = _app.ScopeAs(userId, administrator: true);
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<PrisonerService>().OpenAsync(id, CancellationToken.None));
    }

    private Task<List<AuditEntry>> AccessEntriesAsync() =>
        _app.Run<PowRegistryDbContext, List<AuditEntry>>(db => db.AuditEntries.Where(e => e.Action == AuditActions.Access).OrderBy(e => e.Id).ToListAsync());

    private AccessLog Log => _app.Root.GetRequiredService<AccessLog>();

    /// <summary>Holds the write lock from another connection, as a long save would, until disposed.</summary>
    private Task<System.Data.Common.DbConnection> HoldWriteLockAsync() => TestDatabase.OpenHoldingWriteLockAsync(_app.ConnectionString);

    /// <summary>Waits (without a time limit that could make the test flaky on a busy machine) until the log holds this many views.</summary>
    private async Task WaitUntilPendingAsync(int count)
    {
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (Log.Pending < count) await Task.Delay(5, giveUp.Token);
    }

    [Fact]
    public async Task ViewsQueuedTogether_ShareOneCommit_AndEachGetsItsEntry()
    {
        const int views = 20;
        var id = await CreateAsync("Batched");
        await OpenAsync(id, "warm-up"); // starts the writer
        Task[] opening;
        int commitsBefore;
        await using (await HoldWriteLockAsync())
        {
            commitsBefore = _app.Commits.Commits;
            opening = Enumerable.Range(0, views).Select(i => OpenAsync(id, $"viewer-{i}")).ToArray();
            await WaitUntilPendingAsync(views);
            // Nothing can commit while the lock is held, so no view may have been answered yet.
            Assert.DoesNotContain(opening, t => t.IsCompleted);
        }
        await Task.WhenAll(opening);

        // The writer may have taken the first view before the others arrived: two commits at most, never one per view.
        Assert.InRange(_app.Commits.Commits - commitsBefore, 1, 2);
        var entries = await AccessEntriesAsync();
        Assert.Equal(views + 1, entries.Count);
        Assert.Equal(Enumerable.Range(0, views).Select(i => $"viewer-{i}").Order(), entries.Skip(1).Select(e => e.UserId).Order());
        Assert.All(entries, e => Assert.Equal(id, e.PrisonerId));
        Assert.True((await _app.Run<PowRegistryDbContext, AuditVerification>(db => db.VerifyAuditAsync(CancellationToken.None))).Intact);
    }

    [Fact]
    public async Task ConcurrentViewsAndSaves_WriteExactlyOneAccessEntryPerView_AndTheChainVerifies()
    {
        var ids = new[] { await CreateAsync("Busy"), await CreateAsync("Busier") };
        var auditedBefore = await _app.Run<PowRegistryDbContext, int>(db => db.AuditEntries.CountAsync());
        var views = Enumerable.Range(0, 60).Select(i => OpenAsync(ids[i % 2], $"viewer-{i}"));
        var saves = Enumerable.Range(0, 10).Select(async i =>
        {
            await using var scope = _app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
            db.Desks.Add(new Desk($"Concurrent desk {i}"));
            await db.SaveChangesAsync();
        });
        await Task.WhenAll(views.Concat(saves));

        var access = await AccessEntriesAsync();
        Assert.Equal(60, access.Count);
        Assert.Equal(60, access.Select(e => e.UserId).Distinct().Count());
        Assert.Equal(30, access.Count(e => e.PrisonerId == ids[0]));
        var audited = await _app.Run<PowRegistryDbContext, int>(db => db.AuditEntries.CountAsync());
        Assert.Equal(auditedBefore + 60 + 10, audited);
        var verification = await _app.Run<PowRegistryDbContext, AuditVerification>(db => db.VerifyAuditAsync(CancellationToken.None));
        Assert.True(verification.Intact);
        Assert.Equal(audited, verification.EntriesChecked);
    }

    [Fact]
    public async Task AViewWhoseEntryCannotBeWritten_Fails_AndLeavesNoEntry()
    {
        var id = await CreateAsync("Unwritable");
        // The database refuses record views' entries (a full disk, a broken table): each store's own trigger for it.
        await _app.ExecuteRawAsync(TestDatabase.IsPostgreSql
            ? """
              CREATE FUNCTION refuse_access() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
              CREATE TRIGGER "RefuseAccess" BEFORE INSERT ON "AuditEntries" FOR EACH ROW WHEN (NEW."Action" = 'Access') EXECUTE FUNCTION refuse_access();
              """
            : "CREATE TRIGGER RefuseAccess BEFORE INSERT ON AuditEntries WHEN NEW.Action = 'Access' BEGIN SELECT RAISE(ABORT, 'refused'); END;");

        await Assert.ThrowsAnyAsync<Exception>(() => OpenAsync(id, "refused-viewer"));
        Assert.Empty(await AccessEntriesAsync());
    }

    [Fact]
    public async Task Disposing_CommitsTheViewsStillQueued()
    {
        var id = await CreateAsync("Draining");
        await OpenAsync(id, "warm-up");
        Task[] opening;
        Task disposing;
        await using (await HoldWriteLockAsync())
        {
            opening = Enumerable.Range(0, 5).Select(i => OpenAsync(id, $"late-{i}")).ToArray();
            await WaitUntilPendingAsync(5);
            disposing = Log.DisposeAsync().AsTask();
        }
        await disposing;
        await Task.WhenAll(opening);
        Assert.Equal(6, (await AccessEntriesAsync()).Count);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => OpenAsync(id, "too-late"));
    }

    /// <summary>The usual services, with every DbContext's commits counted.</summary>
    private sealed class CountingServices : TestServices
    {
        public CommitCounter Commits { get; } = new();

        protected override void ConfigureServices(IServiceCollection services) =>
            services.ConfigureDbContext<PowRegistryDbContext>(options => options.AddInterceptors(Commits));
    }
}
