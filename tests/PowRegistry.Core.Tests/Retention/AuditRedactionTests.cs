using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Retention;

/// <summary>
/// ADR-024: an entry's values can be redacted and the chain still verifies, redacted entries reported apart; a tampering
/// of a redacted entry, or a redaction made without the key, is still caught; the table allows that one UPDATE and no other.
/// Each test gets its own database (the chain is shared by everything written to it).
/// </summary>
public sealed class AuditRedactionTests : IAsyncLifetime
{
    private readonly TestServices _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    private async Task<int> CreateAsync(string family) =>
        (await _app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput { FamilyName = family, DuplicatesChecked = true }, TestServices.Officer, CancellationToken.None))).Value!.Id;

    private Task<AuditVerification> VerifyAsync() => _app.Run<PowRegistryDbContext, AuditVerification>(db => db.VerifyAuditAsync(CancellationToken.None));

    private Task<List<long>> EntriesOfAsync(int prisonerId) =>
        _app.Run<PowRegistryDbContext, List<long>>(db => db.AuditEntries.Where(e => e.PrisonerId == prisonerId && e.Changes != "[]").Select(e => e.Id).ToListAsync());

    private async Task<long?> RedactAsync(IReadOnlyCollection<long> ids)
    {
        await using var db = _app.NewDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var broken = await AuditChain.RedactAsync(db, _app.AuditKey, ids, CancellationToken.None);
        await transaction.CommitAsync();
        return broken;
    }

    private Task<int> ExecuteRawAsync(string sql, params (string Name, object Value)[] parameters) => _app.ExecuteRawAsync(sql, parameters);

    /// <summary>Someone holding the database: drops the triggers and changes a row.</summary>
    private Task<int> TamperAsync(string set, long id) => ExecuteRawAsync(
        TestDatabase.DropAuditTriggersSql + $" UPDATE \"AuditEntries\" SET {set} WHERE \"Id\" = {id};");

    [Fact]
    public async Task NewEntries_CarryAKeyedDigestOfTheirValues()
    {
        var id = await CreateAsync("Digest");
        var entry = await _app.Run<PowRegistryDbContext, AuditEntry>(db => db.AuditEntries.FirstAsync(e => e.PrisonerId == id));
        Assert.Equal(AuditEntry.DigestOf(_app.AuditKey, entry.Changes), entry.ChangesDigest);
        Assert.NotEqual(AuditEntry.DigestOf(AuditKey.Random(), entry.Changes), entry.ChangesDigest);
    }

    [Fact]
    public async Task RedactedEntries_StillVerify_AndAreCountedApart()
    {
        var id = await CreateAsync("Redactable");
        await CreateAsync("Kept");
        var ids = await EntriesOfAsync(id);
        Assert.Null(await RedactAsync(ids));

        var entries = await _app.Run<PowRegistryDbContext, List<AuditEntry>>(db => db.AuditEntries.Where(e => ids.Contains(e.Id)).ToListAsync());
        Assert.All(entries, e => Assert.Equal(AuditEntry.RedactedChanges, e.Changes));
        Assert.All(entries, e => Assert.True(e.IsRedacted));
        var verification = await VerifyAsync();
        Assert.True(verification.Intact, verification.Message.Key);
        Assert.Equal(ids.Count, verification.Redacted);
        Assert.Equal("Audit.Verify.IntactWithRedacted", verification.Message.Key);
    }

    [Fact]
    public async Task TamperingWithARedactedEntry_IsDetected()
    {
        var id = await CreateAsync("Tampered");
        var target = (await EntriesOfAsync(id)).First();
        Assert.Null(await RedactAsync([target]));
        await TamperAsync("\"UserId\" = 'someone-else'", target);

        var verification = await VerifyAsync();
        Assert.False(verification.Intact);
        Assert.Equal(target, verification.FirstBrokenId);
    }

    [Fact]
    public async Task ValuesPutBackIntoARedactedEntry_AreDetected()
    {
        var id = await CreateAsync("PutBack");
        var target = (await EntriesOfAsync(id)).First();
        Assert.Null(await RedactAsync([target]));
        await TamperAsync("\"Changes\" = '[{\"Field\":\"FamilyName\",\"Old\":null,\"New\":\"Invented\"}]'", target);

        Assert.Equal(target, (await VerifyAsync()).FirstBrokenId);
    }

    [Fact]
    public async Task ARedactionWithoutTheKey_IsNotPassedOffAsOne()
    {
        var id = await CreateAsync("Erased");
        var target = (await EntriesOfAsync(id)).First();
        // The trigger allows the shape of a redaction; only the key holder can seal one.
        await ExecuteRawAsync($"UPDATE \"AuditEntries\" SET \"Changes\" = '[]', \"Redaction\" = '{new string('0', 64)}' WHERE \"Id\" = {target};");

        var verification = await VerifyAsync();
        Assert.False(verification.Intact);
        Assert.Equal(target, verification.FirstBrokenId);
    }

    [Fact]
    public async Task AFirstFormatEntry_VerifiesAsBefore_AndCanBeRedacted_AndItsTamperingIsStillDetected()
    {
        await CreateAsync("Before");
        // An entry sealed as before ADR-024 (its hash over the values, no digest) at the end of the chain.
        var last = await _app.Run<PowRegistryDbContext, AuditEntry>(db => db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync());
        var legacy = new AuditEntry(last.Id + 1, TestServices.Now, "officer-1", AuditActions.Update, nameof(Prisoner), "1", 1,
            "[{\"Field\":\"FamilyName\",\"Old\":\"Before\",\"New\":\"Legacy\"}]", last.Hash);
        await ExecuteRawAsync(
            "INSERT INTO \"AuditEntries\" (\"Id\", \"At\", \"UserId\", \"Action\", \"EntityType\", \"EntityId\", \"PrisonerId\", \"Changes\", \"PreviousHash\", \"Hash\") VALUES (@id, @at, @u, @a, @t, @e, @p, @c, @prev, @h)",
            ("@id", legacy.Id), ("@at", legacy.At.ToUnixTimeMilliseconds()), ("@u", legacy.UserId), ("@a", legacy.Action), ("@t", legacy.EntityType),
            ("@e", legacy.EntityId), ("@p", 1), ("@c", legacy.Changes), ("@prev", legacy.PreviousHash), ("@h", legacy.ComputeHash(_app.AuditKey)));
        await CreateAsync("After"); // the chain goes on after it
        Assert.True((await VerifyAsync()).Intact);

        Assert.Null(await RedactAsync([legacy.Id]));
        var verification = await VerifyAsync();
        Assert.True(verification.Intact, verification.Message.Key);
        Assert.Equal(1, verification.Redacted);

        await TamperAsync("\"Action\" = 'Create'", legacy.Id);
        Assert.Equal(legacy.Id, (await VerifyAsync()).FirstBrokenId);
    }

    [Fact]
    public async Task AnEntryThatFailsVerification_IsNotRedacted()
    {
        var id = await CreateAsync("Broken");
        var target = (await EntriesOfAsync(id)).First();
        await TamperAsync("\"UserId\" = 'forger'", target);

        Assert.Equal(target, await RedactAsync([target]));
        var entry = await _app.Run<PowRegistryDbContext, AuditEntry>(db => db.AuditEntries.FirstAsync(e => e.Id == target));
        Assert.False(entry.IsRedacted);
        Assert.NotEqual(AuditEntry.RedactedChanges, entry.Changes);
    }

    [Theory]
    [InlineData("\"UserId\" = 'someone-else'")]
    [InlineData("\"Changes\" = '[{\"Field\":\"X\",\"Old\":null,\"New\":\"Y\"}]'")]
    [InlineData("\"Changes\" = '[]'")] // emptied without a seal
    [InlineData("\"Changes\" = '[]', \"Redaction\" = 'x', \"UserId\" = 'someone-else'")] // a redaction that changes more
    [InlineData("\"Changes\" = '[]', \"Redaction\" = 'x', \"ChangesDigest\" = NULL")]
    [InlineData("\"Changes\" = '[]', \"Redaction\" = 'x', \"Hash\" = 'forged'")]
    public async Task TheTable_RefusesEveryUpdateButARedaction(string set)
    {
        var id = await CreateAsync("Guarded");
        var target = (await EntriesOfAsync(id)).First();
        var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ExecuteRawAsync($"UPDATE \"AuditEntries\" SET {set} WHERE \"Id\" = {target};"));
        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTable_RefusesASecondRedaction_AndDeletes()
    {
        var id = await CreateAsync("Twice");
        var target = (await EntriesOfAsync(id)).First();
        Assert.Equal(1, await ExecuteRawAsync($"UPDATE \"AuditEntries\" SET \"Changes\" = '[]', \"Redaction\" = 'a' WHERE \"Id\" = {target};")); // the one allowed shape
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ExecuteRawAsync($"UPDATE \"AuditEntries\" SET \"Changes\" = '[]', \"Redaction\" = 'b' WHERE \"Id\" = {target};"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ExecuteRawAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {target};"));
    }
}
