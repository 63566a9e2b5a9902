using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Prisoners;

/// <summary>Administrators merge two records of the same man: one survives with both histories, aliases and documents.</summary>
public sealed class MergeTests(TestServices app) : IClassFixture<TestServices>
{
    private async Task<Prisoner> CreateAsync(PrisonerInput input)
    {
        input.DuplicatesChecked = true; // registering the same man twice is the point here
        return (await app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(input, TestServices.Officer, CancellationToken.None))).Value!;
    }

    private Task<ServiceResult<Prisoner>> MergeAsync(int survivor, string reference, string? reason = "Same fingerprints") =>
        app.Run<MergeService, ServiceResult<Prisoner>>(s => s.MergeAsync(survivor, reference, reason, TestServices.Officer, CancellationToken.None));

    [Fact]
    public async Task TheSurvivor_TakesEverything_AndTheDuplicateDisappears()
    {
        var survivor = await CreateAsync(new PrisonerInput { FamilyName = "리", GivenNames = "영철", DateOfCapture = "2025-01-03", InitialAlias = "Ri Yong Chol" });
        var duplicate = await CreateAsync(new PrisonerInput { FamilyName = "Lee", GivenNames = "Young-chul", ServiceNumber = "MRG-1", Nationality = "KP", InitialAlias = "Ivan Merged" });
        await app.Run<PrisonerService, ServiceResult<IdentityDocument>>(s => s.AddDocumentAsync(duplicate.Id, new IdentityDocumentInput { DocumentType = "Military ID", NameShown = "Ivan Merged" }, TestServices.Officer, CancellationToken.None));
        await app.Run<PrisonerService, ServiceResult<CustodyEvent>>(s => s.AddCustodyEventAsync(duplicate.Id, new CustodyEventInput { Kind = CustodyEventKind.Hospitalised, Date = "2025-02-01" }, TestServices.Officer, CancellationToken.None));

        var result = await MergeAsync(survivor.Id, duplicate.Reference.ToLowerInvariant());

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        var merged = (await app.Run<PrisonerService, Prisoner?>(s => s.GetAsync(survivor.Id, CancellationToken.None)))!;
        Assert.Contains(merged.Aliases, a => a.Name == "Ivan Merged");
        Assert.Contains(merged.Aliases, a => a.Name == "Lee Young-chul" && a.Notes!.Contains(duplicate.Reference, StringComparison.Ordinal));
        Assert.Contains(merged.Aliases, a => a.Name == "Ri Yong Chol");
        Assert.Single(merged.Documents);
        Assert.Equal(CustodyStatus.Hospitalised, merged.CustodyStatus);
        Assert.Equal(2, merged.CustodyEvents.Count);
        Assert.Null(merged.ServiceNumber); // nationalities differ (survivor's unknown), so the number is not carried over

        Assert.Null(await app.Run<PrisonerService, Prisoner?>(s => s.GetAsync(duplicate.Id, CancellationToken.None)));
        Assert.Equal(survivor.Id, await app.Run<MergeService, int?>(s => s.MergedIntoAsync(duplicate.Id, CancellationToken.None)));
        var found = await app.Run<RegisterService, RegisterPage>(s => s.ListAsync(new RegisterQuery { Search = "ivan merged" }, CancellationToken.None));
        Assert.Equal([survivor.Id], found.Rows.Select(r => r.Id));

        var record = Assert.Single(await app.Run<MergeService, IReadOnlyList<PrisonerMerge>>(s => s.MergesIntoAsync(survivor.Id, CancellationToken.None)));
        Assert.Equal(duplicate.Reference, record.MergedReference);
        Assert.Equal("Same fingerprints", record.Reason);

        // Both histories are on the survivor: the duplicate's own creation is in it.
        var history = (await app.Run<AuditService, IReadOnlyList<AuditRow>?>(s => s.HistoryOfPrisonerAsync(survivor.Id, 200, CancellationToken.None)))!;
        Assert.Contains(history, h => h.PrisonerId == duplicate.Id && h.Action == AuditActions.Create);
        Assert.Contains(history, h => h.EntityType == nameof(PrisonerMerge));
        Assert.True((await app.Run<Core.Data.PowRegistryDbContext, AuditVerification>(db => db.VerifyAuditAsync(CancellationToken.None))).Intact);
    }

    [Fact]
    public async Task TheSurvivor_TakesTheServiceNumber_WhenHeHadNone()
    {
        var survivor = await CreateAsync(new PrisonerInput { FamilyName = "Pak", Nationality = "KP" });
        var duplicate = await CreateAsync(new PrisonerInput { FamilyName = "Park", ServiceNumber = "MRG-2", Nationality = "KP" });
        Assert.True((await MergeAsync(survivor.Id, duplicate.Reference)).Succeeded);
        Assert.Equal("MRG-2", (await app.Run<PrisonerService, Prisoner?>(s => s.GetAsync(survivor.Id, CancellationToken.None)))!.ServiceNumber);
    }

    [Fact]
    public async Task Refusals_SayWhy_AndChangeNothing()
    {
        var survivor = await CreateAsync(new PrisonerInput { FamilyName = "Kept" });
        var other = await CreateAsync(new PrisonerInput { FamilyName = "Other" });
        Assert.Contains((await MergeAsync(survivor.Id, "POW-1999-999999")).Errors, e => e.Message.Key == "Merge.Duplicate.Unknown");
        Assert.Contains((await MergeAsync(survivor.Id, survivor.Reference)).Errors, e => e.Message.Key == "Merge.Duplicate.Self");
        Assert.Contains((await MergeAsync(survivor.Id, other.Reference, reason: " ")).Errors, e => e.Field == "Reason");
        Assert.NotNull(await app.Run<PrisonerService, Prisoner?>(s => s.GetAsync(other.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task OnlyAdministrators_Merge()
    {
        var survivor = await CreateAsync(new PrisonerInput { FamilyName = "Officer" });
        var other = await CreateAsync(new PrisonerInput { FamilyName = "Attempt" });
        await using var scope = app.ScopeAs("officer-9", deskIds: 1);
        var result = await scope.ServiceProvider.GetRequiredService<MergeService>().MergeAsync(survivor.Id, other.Reference, "x", new Actor("officer-9"), CancellationToken.None);
        Assert.True(result.IsNotFound);
        Assert.NotNull(await app.Run<PrisonerService, Prisoner?>(s => s.GetAsync(other.Id, CancellationToken.None)));
    }
}
