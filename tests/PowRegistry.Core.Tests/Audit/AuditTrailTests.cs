using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Audit;

/// <summary>Every change writes sealed entries in the same transaction; the chain shows any tampering.</summary>
public sealed class AuditTrailTests(TestServices app) : IClassFixture<TestServices>
{
    private async Task<Prisoner> CreateAsync(PrisonerInput input) =>
        (await app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(input, TestServices.Officer, CancellationToken.None))).Value!;

    private Task<List<AuditEntry>> EntriesForAsync(int prisonerId) =>
        app.Run<PowRegistryDbContext, List<AuditEntry>>(db => db.AuditEntries.Where(e => e.PrisonerId == prisonerId).OrderBy(e => e.Id).ToListAsync());

    private Task<AuditVerification> VerifyAsync() => app.Run<PowRegistryDbContext, AuditVerification>(db => db.VerifyAuditAsync(CancellationToken.None));

    /// <summary>Raw SQL through the application's own connection: SQLite or PostgreSQL, whichever this pass runs on.</summary>
#pragma warning disable EF1002 // the tests' own fixed SQL
    private Task<int> ExecuteRawAsync(string sql) => app.Run<PowRegistryDbContext, int>(db => db.Database.ExecuteSqlRawAsync(sql));
#pragma warning restore EF1002

    [Fact]
    public async Task ACreateEntry_HoldsNamesInTheirOwnScript_AndLeavesOutEmptyFields()
    {
        var created = await CreateAsync(new PrisonerInput { FamilyName = "리", GivenNames = "Ён Чхоль", DuplicatesChecked = true });
        var create = (await EntriesForAsync(created.Id)).First(e => e.Action == AuditActions.Create && e.EntityType == nameof(Prisoner));

        // As written (UTF-8), not \uXXXX: half the bytes for a Korean name, and the stored trail reads as it was said.
        Assert.Contains("\"New\":\"리\"", create.Changes, StringComparison.Ordinal);
        Assert.Contains("\"New\":\"Ён Чхоль\"", create.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("\\uB9AC", create.Changes, StringComparison.OrdinalIgnoreCase); // 리 escaped
        // Nothing was given for his unit or his mother's maiden name: an insert of an empty field says nothing.
        Assert.DoesNotContain("\"Unit\"", create.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("\"MotherMaidenName\"", create.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("\"New\":null", create.Changes, StringComparison.Ordinal);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task WithAutomaticDetectionOff_AChangeNotDetected_IsNeitherSavedNorAudited_AsEFCoreSavesIt()
    {
        var created = await CreateAsync(new PrisonerInput { FamilyName = "Undetected", DuplicatesChecked = true });
        var entries = (await EntriesForAsync(created.Id)).Count;
        Task<string?> StoredNumberAsync() => app.Run<PowRegistryDbContext, string?>(db => db.Prisoners.Where(p => p.Id == created.Id).Select(p => p.ServiceNumber).SingleAsync());
        Task ChangeAsync(string number, bool detect) => app.Run<PowRegistryDbContext, int>(async db =>
        {
            var prisoner = await db.Prisoners.SingleAsync(p => p.Id == created.Id);
            db.ChangeTracker.AutoDetectChangesEnabled = false; // as an import's chunk saves
            prisoner.TakeServiceNumber(number, TestServices.Officer, TestServices.Now);
            if (detect) db.ChangeTracker.DetectChanges();
            return await db.SaveChangesAsync();
        });

        // The audit looks for changes only where EF Core's save does: what it does not save is not audited either.
        await ChangeAsync("UNDETECTED-1", detect: false);
        Assert.Null(await StoredNumberAsync());
        Assert.Equal(entries, (await EntriesForAsync(created.Id)).Count);

        await ChangeAsync("DETECTED-1", detect: true);
        Assert.Equal("DETECTED-1", await StoredNumberAsync());
        var update = (await EntriesForAsync(created.Id)).Last();
        Assert.Equal(AuditActions.Update, update.Action);
        Assert.Contains("\"New\":\"DETECTED-1\"", update.Changes, StringComparison.Ordinal);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Create_And_Update_WriteWhoWhenAndEachFieldsOldAndNewValue()
    {
        var created = await CreateAsync(new PrisonerInput { FamilyName = "Audit", Rank = "Private" });
        var form = (await app.Run<PrisonerService, PrisonerInput?>(s => s.GetForEditAsync(created.Id, CancellationToken.None)))!;
        form.Rank = "Sergeant";
        await using (var scope = app.ScopeAs("officer-42", deskIds: 1))
        {
            await scope.ServiceProvider.GetRequiredService<PrisonerService>().UpdateAsync(created.Id, form, new Actor("officer-42"), CancellationToken.None);
        }

        var entries = await EntriesForAsync(created.Id);
        var create = entries.First(e => e.Action == AuditActions.Create && e.EntityType == nameof(Prisoner));
        Assert.Contains("\"Field\":\"FamilyName\",\"Old\":null,\"New\":\"Audit\"", create.Changes, StringComparison.Ordinal);
        Assert.Contains(create.EntityId, created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(TestServices.Now, create.At);

        var update = entries.Single(e => e.Action == AuditActions.Update && e.UserId == "officer-42");
        Assert.Equal("officer-42", update.UserId);
        Assert.Equal("[{\"Field\":\"Rank\",\"Old\":\"Private\",\"New\":\"Sergeant\"}]", update.Changes);
    }

    [Fact]
    public async Task AListValue_IsRecordedAsItsItems_NotAsItsTypeName()
    {
        var first = await CreateAsync(new PrisonerInput { FamilyName = "Listed", DuplicatesChecked = true });
        var second = await CreateAsync(new PrisonerInput { FamilyName = "Listed", GivenNames = "Too", DuplicatesChecked = true });
        var counterpart = (await app.Run<ConsultationService, ServiceResult<Counterpart>>(c =>
            c.AddCounterpartAsync("Listing ministry", CounterpartKind.Ministry, "KR", CancellationToken.None))).Value!;
        var references = await app.Run<PowRegistryDbContext, List<string>>(db => db.Prisoners.Where(p => p.Id == first.Id || p.Id == second.Id).OrderBy(p => p.Id).Select(p => p.Reference).ToListAsync());
        var consultation = (await app.Run<ConsultationService, ServiceResult<Consultation>>(c => c.CreateAsync(new ConsultationInput
        {
            Title = "Lists",
            Channel = ConsultationChannel.Meeting,
            Date = "2025-05-01",
            CounterpartIds = [counterpart.Id],
            PrisonerReferences = string.Join(' ', references),
            DeskId = 1,
        }, TestServices.Officer, CancellationToken.None))).Value!;

        var entry = await app.Run<PowRegistryDbContext, AuditEntry>(db => db.AuditEntries.SingleAsync(e => e.EntityType == nameof(Consultation) && e.EntityId == consultation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains($"\"Field\":\"PrisonerIds\",\"Old\":null,\"New\":\"{first.Id}, {second.Id}\"", entry.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Collections", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartsOfTheRecord_AreAuditedUnderThePrisoner()
    {
        var created = await CreateAsync(new PrisonerInput { FamilyName = "Parts", InitialAlias = "First alias" });
        await app.Run<PrisonerService, ServiceResult<PrisonerAlias>>(s => s.AddAliasAsync(created.Id, new AliasInput { Name = "Second alias" }, TestServices.Officer, CancellationToken.None));
        var aliasId = (await app.Run<PrisonerService, Prisoner?>(s => s.GetAsync(created.Id, CancellationToken.None)))!.Aliases.First(a => a.Name == "First alias").Id;
        await app.Run<PrisonerService, ServiceResult<bool>>(s => s.RemoveAliasAsync(created.Id, aliasId, TestServices.Officer, CancellationToken.None));

        var entries = await EntriesForAsync(created.Id);
        Assert.Contains(entries, e => e.EntityType == nameof(PrisonerAlias) && e.Action == AuditActions.Create && e.Changes.Contains("Second alias", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.EntityType == nameof(PrisonerAlias) && e.Action == AuditActions.Delete && e.Changes.Contains("First alias", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Opening_ARecord_WritesAnAccessEntry()
    {
        var created = await CreateAsync(new PrisonerInput { FamilyName = "Viewed" });
        await using (var scope = app.ScopeAs("reader-1", auditor: true))
        {
            await scope.ServiceProvider.GetRequiredService<PrisonerService>().OpenAsync(created.Id, CancellationToken.None);
        }
        var access = (await EntriesForAsync(created.Id)).Single(e => e.Action == AuditActions.Access);
        Assert.Equal("reader-1", access.UserId);
    }

    [Fact]
    public async Task AFailedSave_LeavesNeitherTheChangeNorItsAuditEntry()
    {
        var before = await app.Run<PowRegistryDbContext, int>(db => db.AuditEntries.CountAsync());
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
        db.Desks.Add(new Core.Desks.Desk("Main desk")); // the name is taken: the unique index refuses it
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal(before, await app.Run<PowRegistryDbContext, int>(db2 => db2.AuditEntries.CountAsync()));
    }

    [Theory]
    [InlineData("UPDATE \"AuditEntries\" SET \"UserId\" = 'someone-else' WHERE \"Id\" = 1")]
    [InlineData("DELETE FROM \"AuditEntries\" WHERE \"Id\" = 1")]
    public async Task TheTable_RefusesUpdateAndDelete(string sql)
    {
        await CreateAsync(new PrisonerInput { FamilyName = "Guarded" });
        // Refused by the database itself: SQLite's triggers, or PostgreSQL's (both provider exceptions are DbExceptions).
        var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ExecuteRawAsync(sql));
        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyConcurrentViews_KeepTheChainIntact()
    {
        var created = await CreateAsync(new PrisonerInput { FamilyName = "Popular" });
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            await using var scope = app.ScopeAs($"viewer-{i}", administrator: true);
            await scope.ServiceProvider.GetRequiredService<PrisonerService>().OpenAsync(created.Id, CancellationToken.None);
        }));
        Assert.Equal(20, (await EntriesForAsync(created.Id)).Count(e => e.Action == AuditActions.Access));
        Assert.True((await VerifyAsync()).Intact);
    }
}

/// <summary>Each kind of tampering, done with the triggers dropped (as someone holding the database could), is caught, on either store.</summary>
public sealed class AuditTamperTests : IAsyncLifetime
{
    private readonly TestServices _app = new();

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        for (var i = 0; i < 4; i++)
        {
            await _app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput { FamilyName = $"Chain{i}", DuplicatesChecked = true }, TestServices.Officer, CancellationToken.None));
        }
        await ExecuteRawAsync(TestDatabase.DropAuditTriggersSql);
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    private Task<int> ExecuteRawAsync(string sql) => _app.ExecuteRawAsync(sql);

    private Task<AuditVerification> VerifyAsync() => _app.Run<PowRegistryDbContext, AuditVerification>(db => db.VerifyAuditAsync(CancellationToken.None));

    [Fact]
    public async Task AnUntouchedChain_IsIntact()
    {
        var result = await VerifyAsync();
        Assert.True(result.Intact, result.Message.ToString());
        Assert.True(result.EntriesChecked >= 4);
    }

    [Fact]
    public async Task AnEditedEntry_IsNamed()
    {
        await ExecuteRawAsync("UPDATE \"AuditEntries\" SET \"Changes\" = replace(\"Changes\", 'Chain1', 'Someone else') WHERE \"Changes\" LIKE '%Chain1%'");
        var result = await VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal("Audit.Verify.Altered", result.Message.Key);
        await AssertNamesTheEntryContainingAsync(result, "Someone else");
    }

    [Fact]
    public async Task ADeletedEntry_IsNamed()
    {
        await ExecuteRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Id\" = 3");
        var result = await VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(4, result.FirstBrokenId);
        Assert.Equal(new Message("Audit.Verify.Missing", 3L, 4L), result.Message);
    }

    [Fact]
    public async Task AnInsertedEntry_IsNamed()
    {
        // A forger without the key: he copies the previous hash but cannot make a valid seal.
        await ExecuteRawAsync("""
            UPDATE "AuditEntries" SET "Id" = "Id" + 1000 WHERE "Id" > 2;
            INSERT INTO "AuditEntries" ("Id", "At", "UserId", "Action", "EntityType", "EntityId", "PrisonerId", "Changes", "PreviousHash", "Hash")
              SELECT 3, "At", 'intruder', 'Update', 'Prisoner', '1', 1, '[]', "Hash", 'forged' FROM "AuditEntries" WHERE "Id" = 2;
            UPDATE "AuditEntries" SET "Id" = "Id" - 999 WHERE "Id" > 1000;
            """);
        var result = await VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBrokenId);
    }

    [Fact]
    public async Task ReorderedEntries_AreNamed()
    {
        await ExecuteRawAsync("UPDATE \"AuditEntries\" SET \"Id\" = -2 WHERE \"Id\" = 2; UPDATE \"AuditEntries\" SET \"Id\" = 2 WHERE \"Id\" = 3; UPDATE \"AuditEntries\" SET \"Id\" = 3 WHERE \"Id\" = -2;");
        var result = await VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(2, result.FirstBrokenId);
    }

    [Fact]
    public async Task AChainCheckedWithAnotherKey_IsNotIntact()
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
        var result = await AuditChain.VerifyAsync(db, AuditKey.Random(), CancellationToken.None);
        Assert.False(result.Intact);
        Assert.Equal(1, result.FirstBrokenId);
    }

    private async Task AssertNamesTheEntryContainingAsync(AuditVerification result, string text)
    {
        var id = await _app.Run<PowRegistryDbContext, long>(db => db.AuditEntries.Where(e => e.Changes.Contains(text)).Select(e => e.Id).FirstAsync());
        Assert.Equal(id, result.FirstBrokenId);
    }
}
