using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Requests;
using PowRegistry.Core.Retention;
using PowRegistry.Core.Review;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Tests.Retention;

/// <summary>
/// Issue 16: closed records past ClosedRecordYears (10 by default) are anonymised unless on legal hold; what identifies him
/// goes, in every script, from the record, the search and the audit trail; what statistics need stays; the chain still
/// verifies. The clock stands at 2025-06-01, so a record closed in 2014 is due and one closed in 2020 is not.
/// Each test has its own database: a run anonymises everything due in it.
/// </summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private readonly TestServices _app = new();
    private static readonly Actor Admin = new("admin-1");
    private static readonly Actor OtherAdmin = new("admin-2");

    private int _registered;

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    /// <summary>A man with names in three scripts, a document, family, his words, a request: closed (released) on <paramref name="closedOn"/>, or still held.</summary>
    private async Task<int> RegisterAsync(string? closedOn, string family = "Ri", string given = "Yong Chol", CustodyEventKind closing = CustodyEventKind.Released)
    {
        await using var scope = _app.Scope();
        var prisoners = scope.ServiceProvider.GetRequiredService<PrisonerService>();
        var id = (await prisoners.CreateAsync(new PrisonerInput
        {
            FamilyName = family,
            GivenNames = given,
            ServiceNumber = _registered++ == 0 ? "KPA-778812" : $"KPA-{_registered}",
            Rank = "Private",
            DateOfBirth = "1999-04-17",
            PlaceOfBirth = "Hamhung, South Hamgyong",
            Nationality = "KP",
            DateOfCapture = "2013-03-01",
            PlaceOfCapture = "Sudzha, Kursk Oblast",
            DetainingPower = "UA",
            PlaceOfInternment = "Camp 3, Lviv Oblast",
            Unit = "11th Corps",
            FatherFirstName = "Myong Su",
            MotherMaidenName = "Pak Sun Hui",
            PersonToBeInformed = "Ri Chol Ho, brother",
            AddressForCorrespondence = "Pyongyang, Moranbong",
            Notes = "Speaks of his village",
            DuplicatesChecked = true,
        }, TestServices.Officer, CancellationToken.None)).Value!.Id;
        await prisoners.AddAliasAsync(id, new AliasInput { Name = "리영철", Source = InformationSource.Stated }, TestServices.Officer, CancellationToken.None);
        await prisoners.AddAliasAsync(id, new AliasInput { Name = "Ли Ён Чхоль", Source = InformationSource.OtherSource }, TestServices.Officer, CancellationToken.None);
        await prisoners.AddDocumentAsync(id, new IdentityDocumentInput { DocumentType = "Military ID", Number = "RU-55512", NameShown = "Kim Su Nam" }, TestServices.Officer, CancellationToken.None);
        var wish = (await scope.ServiceProvider.GetRequiredService<WishService>().RecordAsync(id, new WishInput
        {
            TakenOn = "2013-06-01",
            Place = "Room 4, Camp 3, Lviv Oblast",
            Interviewer = "Delegate",
            Organisation = InterviewerOrganisation.Icrc,
            Destination = WishDestination.TransferToThirdState,
            DestinationState = "KR",
            Certainty = 80,
            Reasons = "His family would be punished",
            VerbatimWords = "저는 남쪽으로 가고 싶습니다",
            Translation = "I want to go South",
            Fears = "Execution",
            PrivateInterview = true,
        }, TestServices.Officer, CancellationToken.None)).Value!;
        var requests = scope.ServiceProvider.GetRequiredService<RequestService>();
        var request = (await requests.CreateAsync(id, new RequestInput { DestinationState = "KR", WishId = wish.Id }, TestServices.Officer, CancellationToken.None)).Value!;
        await requests.MoveAsync(request.Id, RequestStatus.Withdrawn, "Ri Yong Chol asked to wait", null, TestServices.Officer, CancellationToken.None);
        if (closedOn is not null)
        {
            var added = await prisoners.AddCustodyEventAsync(id, new CustodyEventInput { Kind = closing, Date = closedOn, Place = "Checkpoint 2, Sumy Oblast", Details = "Handed to his cousin Ri Chol" }, TestServices.Officer, CancellationToken.None);
            Assert.True(added.Succeeded, string.Join(", ", added.Errors.Select(e => e.Message.Key)));
        }
        return id;
    }

    private async Task<T> AsAdminAsync<T>(Func<RetentionService, Task<T>> action, string admin = "admin-1")
    {
        await using var scope = _app.ScopeAs(admin, administrator: true);
        return await action(scope.ServiceProvider.GetRequiredService<RetentionService>());
    }

    private Task<RetentionRun> ApplyAsync() => _app.Run<RetentionService, RetentionRun>(s => s.ApplyAsync(Actor.System, CancellationToken.None));

    private Task<Prisoner> ReadAsync(int id) => _app.Run<PowRegistryDbContext, Prisoner>(db =>
        db.Prisoners.IgnoreQueryFilters().Include(p => p.Aliases).Include(p => p.Documents).Include(p => p.CustodyEvents).AsSplitQuery().FirstAsync(p => p.Id == id));

    private async Task<int[]> SearchAsync(string q) =>
        (await _app.Run<RegisterService, RegisterPage>(s => s.ListAsync(new RegisterQuery { Search = q, PageSize = 200 }, CancellationToken.None))).Rows.Select(r => r.Id).ToArray();

    [Fact]
    public async Task TheDueList_HoldsClosedRecordsPastTheirYears_WithWhy_AndNothingElse()
    {
        var due = await RegisterAsync("2014-05-01");
        var recent = await RegisterAsync("2020-05-01");
        var open = await RegisterAsync(null);
        var dead = await RegisterAsync("2015-01-10", closing: CustodyEventKind.Died);

        var list = await _app.Run<RetentionService, IReadOnlyList<RetentionDue>>(s => s.DueAsync(null, CancellationToken.None));
        Assert.Equal([due, dead], list.Select(d => d.PrisonerId));
        var first = list[0];
        Assert.Equal(CustodyStatus.Released, first.ClosedAs);
        Assert.Equal(new DateOnly(2014, 5, 1), first.ClosedOn);
        Assert.Equal(new DateOnly(2024, 5, 1), first.DueOn);
        Assert.DoesNotContain(recent, list.Select(d => d.PrisonerId));
        Assert.DoesNotContain(open, list.Select(d => d.PrisonerId));
    }

    [Fact]
    public async Task TheYears_ComeFromTheSettings()
    {
        var id = await RegisterAsync("2020-05-01");
        var options = _app.Root.GetRequiredService<RetentionOptions>();
        options.ClosedRecordYears = 5;
        try
        {
            Assert.Contains(id, (await _app.Run<RetentionService, IReadOnlyList<RetentionDue>>(s => s.DueAsync(null, CancellationToken.None))).Select(d => d.PrisonerId));
        }
        finally
        {
            options.ClosedRecordYears = 10;
        }
    }

    [Fact]
    public async Task WhatFallsDueWithin30Days_IsListedForTheReview_AndNotYetDue()
    {
        var soon = await RegisterAsync("2015-06-20"); // due 2025-06-20, the clock says 2025-06-01
        var later = await RegisterAsync("2015-08-01");
        var now = await RegisterAsync("2014-05-01");
        var soonList = await _app.Run<RetentionService, IReadOnlyList<RetentionDue>>(s => s.FallingDueSoonAsync(CancellationToken.None));
        Assert.Equal([soon], soonList.Select(d => d.PrisonerId));
        Assert.DoesNotContain(later, soonList.Select(d => d.PrisonerId));
        Assert.DoesNotContain(now, soonList.Select(d => d.PrisonerId));
    }

    [Fact]
    public async Task Anonymisation_RemovesWhatIdentifiesHim_AndKeepsWhatStatisticsNeed()
    {
        var id = await RegisterAsync("2014-05-01");
        var run = await ApplyAsync();
        Assert.Equal([id], run.Anonymised.Select(d => d.PrisonerId));

        var p = await ReadAsync(id);
        Assert.True(p.IsAnonymised);
        Assert.Null(p.FamilyName);
        Assert.Null(p.GivenNames);
        Assert.Null(p.ServiceNumber);
        Assert.Null(p.Unit);
        Assert.Null(p.FatherFirstName);
        Assert.Null(p.MotherMaidenName);
        Assert.Null(p.PersonToBeInformed);
        Assert.Null(p.AddressForCorrespondence);
        Assert.Null(p.Notes);
        Assert.Empty(p.Aliases);
        Assert.Empty(p.Documents);
        Assert.Equal("1999", p.DateOfBirth!.ToString());
        Assert.Equal("South Hamgyong", p.PlaceOfBirth);
        Assert.Equal("Kursk Oblast", p.PlaceOfCapture);
        Assert.Equal("Lviv Oblast", p.PlaceOfInternment);
        Assert.All(p.CustodyEvents, e => Assert.Null(e.Details));
        // Kept: reference, nationality, rank, the timeline's kinds and dates.
        Assert.StartsWith("POW-", p.Reference, StringComparison.Ordinal);
        Assert.Equal("KP", p.NationalityCode);
        Assert.Equal("Private", p.Rank);
        Assert.Equal(CustodyStatus.Released, p.CustodyStatus);
        Assert.Contains(p.CustodyEvents, e => e.Kind == CustodyEventKind.Released && e.Date == new DateOnly(2014, 5, 1) && e.Place == "Sumy Oblast");
        Assert.Contains(p.CustodyEvents, e => e.Kind == CustodyEventKind.Captured && e.Date == new DateOnly(2013, 3, 1));

        var wish = await _app.Run<PowRegistryDbContext, WishDeclaration>(db => db.WishDeclarations.SingleAsync(w => w.PrisonerId == id));
        Assert.Null(wish.VerbatimWords);
        Assert.Null(wish.Translation);
        Assert.Null(wish.Reasons);
        Assert.Null(wish.Fears);
        Assert.Equal("Lviv Oblast", wish.Place);
        Assert.Equal(WishDestination.TransferToThirdState, wish.Destination);
        Assert.Equal("KR", wish.DestinationStateCode);
        Assert.Equal(80, wish.Certainty);

        var request = await _app.Run<PowRegistryDbContext, TransferRequest>(db => db.TransferRequests.Include(r => r.Changes).SingleAsync(r => r.PrisonerId == id));
        Assert.Equal(RequestStatus.Withdrawn, request.Status);
        Assert.All(request.Changes, c => Assert.Null(c.Note));
    }

    public static TheoryData<string> FormerNames => ["Ri Yong Chol", "Ri", "리영철", "이영철", "Ли Ён Чхоль", "Рі Йон Чхоль", "Lee Young-chul", "Kim Su Nam", "KPA-778812"];

    [Theory]
    [MemberData(nameof(FormerNames))]
    public async Task AnAnonymisedRecord_IsNotFoundByAnyFormerName_InAnyScript(string formerName)
    {
        var id = await RegisterAsync("2014-05-01");
        Assert.Contains(id, await SearchAsync(formerName)); // found before: the search would find him
        await ApplyAsync();
        Assert.DoesNotContain(id, await SearchAsync(formerName));
        var reference = (await ReadAsync(id)).Reference;
        Assert.Contains(id, await SearchAsync(reference));
    }

    [Fact]
    public async Task TheReviewsNumbers_AreUnchangedByAnonymisation()
    {
        await RegisterAsync("2014-05-01");
        await RegisterAsync("2015-01-01", "Kim", "Chol Su", CustodyEventKind.Died);
        await RegisterAsync(null, "Pak", "Nam Il");
        static string Figures(ReviewFigures f) => JsonSerializer.Serialize(new { f.PrisonersByCustody, f.PrisonersByWish, f.PrisonersByVerification, f.Notifications, f.FlaggedRequests });
        var before = Figures(await _app.Run<ReviewService, ReviewFigures>(s => s.FiguresAsync(CancellationToken.None)));

        Assert.Equal(2, (await ApplyAsync()).Anonymised.Count);
        var after = Figures(await _app.Run<ReviewService, ReviewFigures>(s => s.FiguresAsync(CancellationToken.None)));
        Assert.Equal(before, after);
        Assert.True(before.Contains("{\"Key\":2,\"Count\":3}", StringComparison.Ordinal), before); // three wishes for a third state: the figures count something
    }

    [Fact]
    public async Task AfterAnonymisation_TheTrailHoldsNoFormerValue_AndStillVerifies_AndSaysWhoAnonymised()
    {
        var id = await RegisterAsync("2014-05-01");
        Assert.True((await _app.Run<PowRegistryDbContext, AuditVerification>(db => db.VerifyAuditAsync(CancellationToken.None))).Intact);
        await ApplyAsync();

        var entries = await _app.Run<PowRegistryDbContext, List<AuditEntry>>(db => db.AuditEntries.OrderBy(e => e.Id).ToListAsync());
        foreach (var former in new[] { "Yong Chol", "리영철", "Ли Ён", "Kim Su Nam", "KPA-778812", "Myong Su", "Pak Sun Hui", "남쪽", "go South", "asked to wait", "cousin", "Hamhung", "Sudzha", "1999-04-17" })
        {
            Assert.DoesNotContain(entries, e => e.Changes.Contains(former, StringComparison.Ordinal));
        }
        var anonymise = Assert.Single(entries, e => e.Action == AuditActions.Anonymise);
        Assert.Equal(id, anonymise.PrisonerId);
        Assert.Contains("ClosedRecordYears", anonymise.Changes, StringComparison.Ordinal);

        var verification = await _app.Run<PowRegistryDbContext, AuditVerification>(db => db.VerifyAuditAsync(CancellationToken.None));
        Assert.True(verification.Intact, verification.Message.Key);
        Assert.True(verification.Redacted > 5, $"{verification.Redacted} redacted");
    }

    [Fact]
    public async Task ARecordOnLegalHold_IsListedAsHeld_AndKept_UntilTheHoldIsLifted()
    {
        var held = await RegisterAsync("2014-05-01");
        var placed = await AsAdminAsync(s => s.PlaceHoldAsync(held, "Court case 12/2025", Admin, CancellationToken.None));
        Assert.True(placed.Succeeded);

        var run = await ApplyAsync();
        Assert.Empty(run.Anonymised);
        Assert.Equal("Court case 12/2025", Assert.Single(run.Held).LegalHoldReason);
        Assert.Equal("Ri", (await ReadAsync(held)).FamilyName);

        Assert.True((await AsAdminAsync(s => s.LiftHoldAsync(held, Admin, CancellationToken.None))).Succeeded);
        Assert.Equal([held], (await ApplyAsync()).Anonymised.Select(d => d.PrisonerId));
    }

    [Fact]
    public async Task ALegalHold_NeedsAReason_AndAnAdministrator()
    {
        var id = await RegisterAsync("2014-05-01");
        var noReason = await AsAdminAsync(s => s.PlaceHoldAsync(id, "  ", Admin, CancellationToken.None));
        Assert.Equal("Retention.Hold.ReasonRequired", Assert.Single(noReason.Errors).Message.Key);

        await using var scope = _app.ScopeAs("officer-1", deskIds: 1);
        var officer = await scope.ServiceProvider.GetRequiredService<RetentionService>().PlaceHoldAsync(id, "Mine", TestServices.Officer, CancellationToken.None);
        Assert.Equal(RefusalKind.Forbidden, officer.Kind);
        Assert.False((await ReadAsync(id)).IsOnLegalHold);
    }

    [Fact]
    public async Task EarlyAnonymisation_NeedsTwoDifferentAdministrators()
    {
        var id = await RegisterAsync("2022-05-01"); // closed, not yet due
        var first = await AsAdminAsync(s => s.SignOffEarlyAsync(id, "His written request of 2 May", Admin, CancellationToken.None));
        Assert.True(first.Succeeded);
        Assert.False((await ReadAsync(id)).IsAnonymised);

        var again = await AsAdminAsync(s => s.SignOffEarlyAsync(id, "Still", Admin, CancellationToken.None));
        Assert.Equal("Retention.Early.SecondAdministrator", Assert.Single(again.Errors).Message.Key);
        Assert.False((await ReadAsync(id)).IsAnonymised);

        var second = await AsAdminAsync(s => s.SignOffEarlyAsync(id, "Checked his identity", OtherAdmin, CancellationToken.None), "admin-2");
        Assert.True(second.Succeeded, string.Join(", ", second.Errors.Select(e => e.Message.Key)));
        var p = await ReadAsync(id);
        Assert.True(p.IsAnonymised);
        Assert.Null(p.FamilyName);
        var entry = await _app.Run<PowRegistryDbContext, AuditEntry>(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.Anonymise));
        Assert.Contains("admin-1", entry.Changes, StringComparison.Ordinal);
        Assert.Contains("admin-2", entry.Changes, StringComparison.Ordinal);
        Assert.Contains("Early", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EarlyAnonymisation_IsRefused_UnderLegalHold_OrWhileHeIsInCustody()
    {
        var held = await RegisterAsync("2022-05-01");
        await AsAdminAsync(s => s.PlaceHoldAsync(held, "Inquiry", Admin, CancellationToken.None));
        var refused = await AsAdminAsync(s => s.SignOffEarlyAsync(held, "Asked", Admin, CancellationToken.None));
        Assert.Equal("Retention.Early.Held", Assert.Single(refused.Errors).Message.Key);

        var open = await RegisterAsync(null);
        var notClosed = await AsAdminAsync(s => s.SignOffEarlyAsync(open, "Asked", Admin, CancellationToken.None));
        Assert.Equal("Retention.Early.NotClosed", Assert.Single(notClosed.Errors).Message.Key);
    }

    [Fact]
    public async Task AnAnonymisedRecord_TakesNoNameBack()
    {
        var id = await RegisterAsync("2014-05-01");
        await ApplyAsync();
        await using var scope = _app.Scope();
        var prisoners = scope.ServiceProvider.GetRequiredService<PrisonerService>();
        var form = (await prisoners.GetForEditAsync(id, CancellationToken.None))!;
        form.FamilyName = "Ri";
        Assert.Equal("Retention.AlreadyAnonymised", Assert.Single((await prisoners.UpdateAsync(id, form, TestServices.Officer, CancellationToken.None)).Errors).Message.Key);
        Assert.Equal("Retention.AlreadyAnonymised", Assert.Single((await prisoners.AddAliasAsync(id, new AliasInput { Name = "리영철" }, TestServices.Officer, CancellationToken.None)).Errors).Message.Key);
        Assert.Equal("Retention.AlreadyAnonymised", Assert.Single((await prisoners.AddDocumentAsync(id, new IdentityDocumentInput { DocumentType = "ID", NameShown = "Ri" }, TestServices.Officer, CancellationToken.None)).Errors).Message.Key);
        Assert.Null((await ReadAsync(id)).FamilyName);
        Assert.DoesNotContain(id, await SearchAsync("Ri"));
    }

    [Theory]
    [InlineData("Sudzha, Kursk Oblast", "Kursk Oblast")]
    [InlineData("Camp 3, Zolochiv district, Lviv Oblast", "Lviv Oblast")]
    [InlineData("Sudzha", null)]
    [InlineData("Sudzha, ", null)]
    [InlineData(null, null)]
    public void APlace_IsNarrowedToItsRegion(string? place, string? region) => Assert.Equal(region, Places.Region(place));
}
