using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Prisoners;

/// <summary>The record's page is answered in one call: the record with all it shows, or where a merged record went, or nothing.</summary>
public sealed class RecordPageServiceTests(TestServices app) : IClassFixture<TestServices>
{
    private async Task<Prisoner> CreateAsync(string familyName) =>
        (await app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(
            new PrisonerInput { FamilyName = familyName, DateOfCapture = "2025-05-01", DuplicatesChecked = true }, TestServices.Officer, CancellationToken.None))).Value!;

    [Fact]
    public async Task ARecord_ComesWithWhatItsPageShows()
    {
        var prisoner = await CreateAsync("Answered");

        var answer = await app.Run<RecordPageService, RecordPageAnswer>(s => s.GetAsync(prisoner.Id, CancellationToken.None));

        var record = Assert.IsType<PrisonerRecord>(answer.Record);
        Assert.Equal(prisoner.Id, record.Prisoner.Id);
        Assert.NotEmpty(record.DeskName);
        Assert.True(record.MaySeeSensitive); // the system sees every desk
        Assert.Single(record.Notifications); // the capture card owed
        Assert.Contains(record.History, h => h.Action == Core.Audit.AuditActions.Create);
        Assert.Null(answer.MergedIntoId);
    }

    [Fact]
    public async Task AMergedRecord_AnswersWhereItWent_AndAMissingOneNothing()
    {
        var survivor = await CreateAsync("Survives");
        var duplicate = await CreateAsync("Merged");
        await app.Run<MergeService, ServiceResult<Prisoner>>(s => s.MergeAsync(survivor.Id, duplicate.Reference, "Same man", TestServices.Officer, CancellationToken.None));

        var merged = await app.Run<RecordPageService, RecordPageAnswer>(s => s.GetAsync(duplicate.Id, CancellationToken.None));
        var missing = await app.Run<RecordPageService, RecordPageAnswer>(s => s.GetAsync(999_999, CancellationToken.None));

        Assert.Equal(new RecordPageAnswer(null, survivor.Id), merged);
        Assert.Equal(new RecordPageAnswer(null, null), missing);
    }
}
