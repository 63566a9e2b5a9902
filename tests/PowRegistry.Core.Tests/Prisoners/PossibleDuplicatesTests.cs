using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Prisoners;

/// <summary>On create and edit, records that may be the same man are listed; the officer continues deliberately.</summary>
public sealed class PossibleDuplicatesTests(TestServices app) : IClassFixture<TestServices>
{
    private Task<ServiceResult<Prisoner>> CreateAsync(PrisonerInput input) =>
        app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(input, TestServices.Officer, CancellationToken.None));

    private Task<IReadOnlyList<DuplicateCandidate>> FindAsync(PrisonerInput input, int? exceptId = null) =>
        app.Run<PossibleDuplicates, IReadOnlyList<DuplicateCandidate>>(d => d.FindAsync(input, exceptId, CancellationToken.None));

    [Fact]
    public async Task TheSameName_WithAFittingDateOfBirth_IsWarnedAbout_AndCanBeSavedDeliberately()
    {
        var first = (await CreateAsync(new PrisonerInput { FamilyName = "Dupcheck", GivenNames = "Song Il", DateOfBirth = "1999-04" })).Value!;

        var warned = await CreateAsync(new PrisonerInput { FamilyName = "DUPCHECK", GivenNames = "Il", DateOfBirth = "1999-04-17" });
        Assert.Contains(warned.Errors, e => e.Field == PrisonerService.DuplicatesField);
        var candidate = Assert.Single(await FindAsync(new PrisonerInput { FamilyName = "DUPCHECK", GivenNames = "Il", DateOfBirth = "1999-04-17" }));
        Assert.Equal(first.Reference, candidate.Reference);
        Assert.Equal("Duplicate.SimilarNameAndBirth", candidate.Why.Key);

        var confirmed = await CreateAsync(new PrisonerInput { FamilyName = "DUPCHECK", GivenNames = "Il", DateOfBirth = "1999-04-17", DuplicatesChecked = true });
        Assert.True(confirmed.Succeeded);
    }

    [Theory]
    [InlineData("Dupbirth", "Min", "1980", false)]     // born 19 years apart: not him
    [InlineData("Dupbirth", "Min", "2001-06-02", true)] // same day
    [InlineData("Dupbirth", "Min", null, true)]         // unknown: could be him
    [InlineData("Dupbirth", "Other", "2001-06-02", false)] // no given name in common
    [InlineData("Otherfamily", "Min", "2001-06-02", false)]
    public async Task DateOfBirthAndBothNameParts_Decide(string family, string given, string? born, bool warned)
    {
        await CreateAsync(new PrisonerInput { FamilyName = "Dupbirth", GivenNames = "Chol Min", DateOfBirth = "2001-06-02", DuplicatesChecked = true });
        var found = await FindAsync(new PrisonerInput { FamilyName = family, GivenNames = given, DateOfBirth = born });
        Assert.Equal(warned, found.Any(c => c.DisplayName == "Dupbirth Chol Min"));
    }

    [Fact]
    public async Task TheSameServiceNumber_IsWarnedAbout_WhateverTheName()
    {
        await CreateAsync(new PrisonerInput { FamilyName = "Numbered", ServiceNumber = "DUPSN-77", Nationality = "KP" });
        var found = await FindAsync(new PrisonerInput { FamilyName = "Entirely different", ServiceNumber = "DUPSN-77", Nationality = "RU" });
        Assert.Contains(found, c => c.Why.Key == "Duplicate.SameServiceNumber" && c.DisplayName == "Numbered");
    }

    [Fact]
    public async Task Editing_WithoutChangingIdentity_DoesNotWarnAgain()
    {
        await CreateAsync(new PrisonerInput { FamilyName = "Twinname", GivenNames = "Ho" });
        var second = (await CreateAsync(new PrisonerInput { FamilyName = "Twinname", GivenNames = "Ho", DuplicatesChecked = true })).Value!;
        var form = (await app.Run<PrisonerService, PrisonerInput?>(s => s.GetForEditAsync(second.Id, CancellationToken.None)))!;
        form.Rank = "Private";
        Assert.True((await app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.UpdateAsync(second.Id, form, TestServices.Officer, CancellationToken.None))).Succeeded);
    }

    [Fact]
    public async Task RecordsOnDesksTheOfficerCannotSee_AreNotListed()
    {
        var otherDesk = (await app.Run<DeskService, ServiceResult<Desk>>(d => d.CreateAsync("Dup other desk", CancellationToken.None))).Value!;
        await CreateAsync(new PrisonerInput { FamilyName = "Secretdup", GivenNames = "Jun", DeskId = otherDesk.Id });
        await using var scope = app.ScopeAs("officer-main", deskIds: Desk.DefaultDeskId);
        var found = await scope.ServiceProvider.GetRequiredService<PossibleDuplicates>().FindAsync(new PrisonerInput { FamilyName = "Secretdup", GivenNames = "Jun" }, null, CancellationToken.None);
        Assert.Empty(found);
    }
}
