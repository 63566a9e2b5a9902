using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Prisoners;

/// <summary>The batch registration behind the CSV import: every rule of CreateAsync, one transaction, all or none.</summary>
public sealed class CreateManyTests(TestServices app) : IClassFixture<TestServices>
{
    private static string Tag() => "Batch" + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));

    private Task<int> CountAsync(string tag) => app.Run(async (PowRegistryDbContext db) => await db.Prisoners.CountAsync(p => p.FamilyName!.StartsWith(tag)));

    [Fact]
    [Trait("Store", "Sqlite")] // reads SQLite's pragmas
    public async Task ABatch_SpacesTheLogsCheckpointsOut_CopiesWhatItLeftThere_AndGivesItsConnectionBackWithSqlitesDefaults()
    {
        // While a batch saves, its connection copies the log into the database less often than SQLite's 1,000 pages
        // (SqliteSetup.OpenForBatchAsync); the pooled connection must not keep that, nor the large cache, afterwards.
        var tag = Tag();
        await using var scope = app.Scope();
        var batch = scope.ServiceProvider.GetRequiredService<BatchRegistrationService>();
        var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>(); // the batch's own context
        long Pragma(string name)
        {
            using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"PRAGMA {name};";
            return (long)command.ExecuteScalar()!;
        }
        var during = new List<long>();
        var result = await batch.CreateManyAsync([new PrisonerInput { FamilyName = tag, DuplicatesChecked = true }], TestServices.Officer, CancellationToken.None,
            new Inline(_ => during.Add(Pragma("wal_autocheckpoint"))));
        Assert.True(result.Succeeded);
        Assert.NotEmpty(during);
        Assert.All(during, pages => Assert.True(pages > 1000, $"{pages} pages"));

        await db.Database.OpenConnectionAsync();
        try
        {
            Assert.Equal(1000L, Pragma("wal_autocheckpoint"));
            Assert.Equal(-2000L, Pragma("cache_size"));
            // The batch copied what it wrote to the log into the database itself, so the next officer's save does not.
            var (lastFrame, copied) = LogFrames(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
            Assert.True(lastFrame > 0, "the batch wrote nothing to the log");
            Assert.Equal(lastFrame, copied);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The log's last valid frame and how many frames have been copied into the database, from the wal-index header
    /// in the "-shm" file (SQLite's file format: mxFrame at byte 16, nBackfill at byte 96, native byte order).
    /// </summary>
    private static (uint LastFrame, uint Copied) LogFrames(string databasePath)
    {
        using var shm = new FileStream(databasePath + "-shm", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[100];
        shm.ReadExactly(header);
        return (BitConverter.ToUInt32(header, 16), BitConverter.ToUInt32(header, 96));
    }

    /// <summary>Reports at once, on the saving thread (Progress&lt;T&gt; would post to the thread pool, after the batch).</summary>
    private sealed class Inline(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    [Fact]
    public async Task AllValid_AreSavedWithReferencesSearchTermsAndAudit()
    {
        var tag = Tag();
        var result = await app.Run((BatchRegistrationService s) => s.CreateManyAsync(
            [new PrisonerInput { FamilyName = tag + "a", DuplicatesChecked = true }, new PrisonerInput { FamilyName = tag + "b", ServiceNumber = tag, Nationality = "KP", DuplicatesChecked = true }],
            TestServices.Officer, CancellationToken.None));

        Assert.True(result.Succeeded);
        Assert.All(result.Created, p => Assert.Equal($"POW-2025-{p.Id:D6}", p.Reference));
        Assert.Equal(2, await CountAsync(tag));
        var ids = result.Created.Select(p => p.Id).ToList();
        Assert.Equal(2, await app.Run(async (PowRegistryDbContext db) => await db.PrisonerSearchTerms.Where(t => ids.Contains(t.PrisonerId)).Select(t => t.PrisonerId).Distinct().CountAsync()));
        Assert.Equal(2, await app.Run(async (PowRegistryDbContext db) => await db.AuditEntries.Where(a => a.PrisonerId != null && ids.Contains(a.PrisonerId.Value)).Select(a => a.PrisonerId).Distinct().CountAsync()));
        // Each is found by its name. (Not "only it": name keys are phonetic, and two random tags a letter apart can share one.)
        foreach (var (created, suffix) in result.Created.Zip(new[] { "a", "b" }))
        {
            Assert.Contains((await app.Run((RegisterService s) => s.ListAsync(new RegisterQuery { Search = tag + suffix }, CancellationToken.None))).Rows, r => r.Id == created.Id);
        }
    }

    [Fact]
    public async Task OneInvalid_SavesNone_AndNamesItsIndex()
    {
        var tag = Tag();
        var result = await app.Run((BatchRegistrationService s) => s.CreateManyAsync(
            [new PrisonerInput { FamilyName = tag, DuplicatesChecked = true }, new PrisonerInput { FamilyName = tag, DateOfBirth = "2999", DuplicatesChecked = true }],
            TestServices.Officer, CancellationToken.None));

        Assert.False(result.Succeeded);
        Assert.Equal(1, Assert.Single(result.Errors).Index);
        Assert.Equal(0, await CountAsync(tag));
    }

    [Fact]
    public async Task TheSameServiceNumberTwiceInOneBatch_IsRefused_AndNothingIsSaved()
    {
        var tag = Tag();
        var result = await app.Run((BatchRegistrationService s) => s.CreateManyAsync(
            [new PrisonerInput { FamilyName = tag, ServiceNumber = tag, Nationality = "KP", DuplicatesChecked = true },
             new PrisonerInput { FamilyName = tag + "x", ServiceNumber = tag, Nationality = "kp", DuplicatesChecked = true }],
            TestServices.Officer, CancellationToken.None));

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Index);
        Assert.Equal(nameof(PrisonerInput.ServiceNumber), error.Error.Field);
        Assert.Equal(0, await CountAsync(tag));
    }

    [Fact]
    public async Task PossibleDuplicates_HoldTheBatchBack_UnlessChecked()
    {
        var tag = Tag();
        await app.Run((PrisonerService s) => s.CreateAsync(new PrisonerInput { FamilyName = tag, DateOfBirth = "1999" }, TestServices.Officer, CancellationToken.None));
        var result = await app.Run((BatchRegistrationService s) => s.CreateManyAsync([new PrisonerInput { FamilyName = tag, DateOfBirth = "1999" }], TestServices.Officer, CancellationToken.None));
        Assert.Equal(PrisonerService.DuplicatesField, Assert.Single(result.Errors).Error.Field);
        Assert.Equal(1, await CountAsync(tag));
    }

    [Fact]
    public async Task ALaterRowFailingAtSaveTime_RollsBackTheEarlierRows()
    {
        // Every check passes; then, while the second row is being saved, its service number becomes the first row's
        // (as if another officer had taken it meanwhile). The database refuses it, and the first row, already
        // inserted in the same transaction, must not be kept either.
        var tag = Tag();
        var clash = new SecondRowTakesTheFirstServiceNumber(tag + "2", tag + "1");
        await using var db = app.NewDbContext(clash);
        await using var scope = app.Scope();
        var service = ActivatorUtilities.CreateInstance<BatchRegistrationService>(scope.ServiceProvider, db);

        var result = await service.CreateManyAsync(
            [new PrisonerInput { FamilyName = tag + "a", ServiceNumber = tag + "1", Nationality = "KP", DuplicatesChecked = true },
             new PrisonerInput { FamilyName = tag + "b", ServiceNumber = tag + "2", Nationality = "KP", DuplicatesChecked = true },
             new PrisonerInput { FamilyName = tag + "c", DuplicatesChecked = true }],
            TestServices.Officer, CancellationToken.None);

        Assert.True(clash.Fired);
        Assert.False(result.Succeeded);
        Assert.Empty(result.Created);
        Assert.NotEmpty(result.Errors);
        Assert.Equal(0, await CountAsync(tag));
        Assert.Equal(0, await app.Run(async (PowRegistryDbContext other) => await other.Prisoners.IgnoreQueryFilters().CountAsync(p => p.ServiceNumber == tag + "1")));
    }

    /// <summary>When the second row is inserted (after the checks), gives it the first row's service number.</summary>
    private sealed class SecondRowTakesTheFirstServiceNumber(string secondNumber, string firstNumber) : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
    {
        public bool Fired { get; private set; }

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
            Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!Fired)
            {
                foreach (var entry in eventData.Context!.ChangeTracker.Entries<Prisoner>().Where(e => e.State == EntityState.Added && e.Entity.ServiceNumber == secondNumber))
                {
                    entry.Property(p => p.ServiceNumber).CurrentValue = firstNumber;
                    Fired = true;
                }
            }
            return ValueTask.FromResult(result);
        }
    }
}
