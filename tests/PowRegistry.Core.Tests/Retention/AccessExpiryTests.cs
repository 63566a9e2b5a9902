using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Retention;

namespace PowRegistry.Core.Tests.Retention;

/// <summary>
/// Issue 16, AccessLogYears (5 by default; ADR-024): an access entry older than that loses its viewer (who opened the
/// record), keeps when and which record, and the chain still verifies; newer entries, and those about a man on legal
/// hold, keep theirs; an expired entry cannot be altered or faked without the audit key; the table allows that one
/// change on access entries only. Records are opened on 2025-06-01 and 2028-06-01; retention runs on 2031-06-01, so
/// the first view is past five years and the second is not. Each test has its own database.
/// </summary>
public sealed class AccessExpiryTests : IAsyncLifetime
{
    private readonly TestServices _app = new();
    private static readonly Actor Admin = new("admin-1");

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    private async Task<int> CreateAsync(string family) =>
        (await _app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput { FamilyName = family, DuplicatesChecked = true }, TestServices.Officer, CancellationToken.None))).Value!.Id;

    private async Task OpenAsync(int id, string userId)
    {
        await using var scope = _app.ScopeAs(userId, administrator: true);
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<PrisonerService>().OpenAsync(id, CancellationToken.None));
    }

    /// <summary>Two records, each opened once now (2025) and once three years later (2028); the clock then goes to 2031.</summary>
    private async Task<(int First, int Second)> ViewedOverTheYearsAsync()
    {
        var first = await CreateAsync("Viewed");
        var second = await CreateAsync("AlsoViewed");
        await OpenAsync(first, "officer-7");
        await OpenAsync(second, "officer-8");
        _app.Clock.Advance(TimeSpan.FromDays(3 * 365 + 1));
        await OpenAsync(first, "officer-9");
        await OpenAsync(second, "officer-9");
        _app.Clock.Advance(TimeSpan.FromDays(3 * 365 + 1));
        return (first, second);
    }

    private Task<List<AuditEntry>> AccessEntriesAsync() =>
        _app.Run<PowRegistryDbContext, List<AuditEntry>>(db => db.AuditEntries.Where(e => e.Action == AuditActions.Access).OrderBy(e => e.Id).ToListAsync());

    private Task<RetentionRun> ApplyAsync() => _app.Run<RetentionService, RetentionRun>(s => s.ApplyAsync(Actor.System, CancellationToken.None));

    private Task<AuditVerification> VerifyAsync() => _app.Run<PowRegistryDbContext, AuditVerification>(db => db.VerifyAuditAsync(CancellationToken.None));

    private Task<int> DueCountAsync() => _app.Run<RetentionService, int>(async s => (await s.OtherDueCountsAsync(CancellationToken.None)).AccessEntries);

    [Fact]
    public async Task AccessEntriesPastTheirYears_LoseTheirViewer_KeepWhenAndWhich_AndTheChainVerifies()
    {
        var (first, second) = await ViewedOverTheYearsAsync();
        var before = await AccessEntriesAsync();
        Assert.Equal(2, await DueCountAsync());

        var run = await ApplyAsync();

        Assert.Equal(2, run.AccessEntriesExpired);
        Assert.Null(run.AccessExpiryBrokenAt);
        var after = await AccessEntriesAsync();
        Assert.Equal(before.Select(e => (e.Id, e.At, e.PrisonerId, e.Hash)), after.Select(e => (e.Id, e.At, e.PrisonerId, e.Hash)));
        Assert.Equal([AuditEntry.ExpiredUserId, AuditEntry.ExpiredUserId, "officer-9", "officer-9"], after.Select(e => e.UserId));
        Assert.Equal([true, true, false, false], after.Select(e => e.IsExpiredAccess));
        Assert.Equal([first, second], after.Take(2).Select(e => e.PrisonerId!.Value));

        var verification = await VerifyAsync();
        Assert.True(verification.Intact, verification.Message.Key);
        Assert.Equal(2, verification.Redacted);
        Assert.Equal(0, await DueCountAsync());

        // The expiry itself is in the chain: how many, under which setting; it names no viewer.
        var said = await _app.Run<PowRegistryDbContext, AuditEntry>(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.ExpireAccess));
        Assert.Equal(Actor.System.UserId, said.UserId);
        Assert.Contains("\"ExpiredEntries\"", said.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("officer-7", said.Changes, StringComparison.Ordinal);
        Assert.Equal($"{before[0].Id}-{before[1].Id}", said.EntityId);
    }

    [Fact]
    public async Task TheYears_ComeFromTheSettings()
    {
        await ViewedOverTheYearsAsync();
        _app.Root.GetRequiredService<RetentionOptions>().AccessLogYears = 2; // the 2028 views are past two years too
        try
        {
            Assert.Equal(4, await DueCountAsync());
            Assert.Equal(4, (await ApplyAsync()).AccessEntriesExpired);
        }
        finally
        {
            _app.Root.GetRequiredService<RetentionOptions>().AccessLogYears = 5;
        }
    }

    [Fact]
    public async Task ViewsOfARecordOnLegalHold_KeepTheirViewer_UntilTheHoldIsLifted()
    {
        var (first, second) = await ViewedOverTheYearsAsync();
        await using (var scope = _app.ScopeAs("admin-1", administrator: true))
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<RetentionService>().PlaceHoldAsync(first, "Court case 7/2031", Admin, CancellationToken.None)).Succeeded);
        }
        Assert.Equal(1, await DueCountAsync());
        Assert.Equal(1, (await ApplyAsync()).AccessEntriesExpired);
        var entries = await AccessEntriesAsync();
        Assert.Equal("officer-7", entries.Single(e => e.PrisonerId == first && e.At.Year == 2025).UserId);
        Assert.True(entries.Single(e => e.PrisonerId == second && e.At.Year == 2025).IsExpiredAccess);

        await using (var scope = _app.ScopeAs("admin-1", administrator: true))
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<RetentionService>().LiftHoldAsync(first, Admin, CancellationToken.None)).Succeeded);
        }
        Assert.Equal(1, (await ApplyAsync()).AccessEntriesExpired);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task PuttingAViewerBack_IsDetected()
    {
        await ViewedOverTheYearsAsync();
        await ApplyAsync();
        var target = (await AccessEntriesAsync()).First(e => e.IsExpiredAccess).Id;
        await _app.ExecuteRawAsync(TestDatabase.DropAuditTriggersSql + $" UPDATE \"AuditEntries\" SET \"UserId\" = 'officer-1' WHERE \"Id\" = {target};");

        var verification = await VerifyAsync();
        Assert.False(verification.Intact);
        Assert.Equal(target, verification.FirstBrokenId);
    }

    [Fact]
    public async Task AnExpiryWithoutTheKey_IsNotPassedOffAsOne()
    {
        await ViewedOverTheYearsAsync();
        var target = (await AccessEntriesAsync()).First().Id;
        // The trigger allows the shape of an expiry; only the key holder can seal one.
        Assert.Equal(1, await _app.ExecuteRawAsync($"UPDATE \"AuditEntries\" SET \"UserId\" = '', \"Redaction\" = '{new string('0', 64)}' WHERE \"Id\" = {target};"));

        var verification = await VerifyAsync();
        Assert.False(verification.Intact);
        Assert.Equal(target, verification.FirstBrokenId);
    }

    [Fact]
    public async Task AnAccessEntryThatFailsVerification_StopsTheExpiry_AndItsBatchIsLeftAsItWas()
    {
        await ViewedOverTheYearsAsync();
        var entries = await AccessEntriesAsync();
        await _app.ExecuteRawAsync(TestDatabase.DropAuditTriggersSql + $" UPDATE \"AuditEntries\" SET \"EntityId\" = '999' WHERE \"Id\" = {entries[1].Id};");

        var run = await ApplyAsync();

        Assert.Equal(entries[1].Id, run.AccessExpiryBrokenAt);
        Assert.Equal(0, run.AccessEntriesExpired);
        Assert.Equal("officer-7", (await AccessEntriesAsync())[0].UserId);
    }

    [Theory]
    [InlineData("\"UserId\" = 'someone-else', \"Redaction\" = 'x'")] // a viewer changed, not removed
    [InlineData("\"UserId\" = '', \"Redaction\" = 'x', \"At\" = 0")] // an expiry that changes more
    [InlineData("\"UserId\" = ''")] // removed without a seal
    public async Task TheTable_AllowsOnlyTheExpiryOfAnAccessEntry(string set)
    {
        await ViewedOverTheYearsAsync();
        var target = (await AccessEntriesAsync()).First().Id;
        var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => _app.ExecuteRawAsync($"UPDATE \"AuditEntries\" SET {set} WHERE \"Id\" = {target};"));
        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTable_RefusesToRemoveTheAuthorOfAChange()
    {
        var id = await CreateAsync("Changed");
        var change = await _app.Run<PowRegistryDbContext, long>(db => db.AuditEntries.Where(e => e.PrisonerId == id && e.Action != AuditActions.Access).Select(e => e.Id).FirstAsync());
        var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            _app.ExecuteRawAsync($"UPDATE \"AuditEntries\" SET \"UserId\" = '', \"Changes\" = '[]', \"Redaction\" = 'x' WHERE \"Id\" = {change};"));
        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }
}
