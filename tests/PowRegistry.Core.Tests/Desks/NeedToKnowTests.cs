using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Tests.Desks;

/// <summary>A case officer sees and changes only his desks' records; everything else answers "not found".</summary>
public sealed class NeedToKnowTests(NeedToKnowTests.Data app) : IClassFixture<NeedToKnowTests.Data>
{
    public sealed class Data : TestServices
    {
        public int DeskA { get; private set; }
        public int DeskB { get; private set; }
        public Prisoner InA { get; private set; } = null!;
        public Prisoner InB { get; private set; } = null!;

        protected override async Task SeedAsync()
        {
            DeskA = (await Run<DeskService, ServiceResult<Desk>>(d => d.CreateAsync("Seoul HQ", CancellationToken.None))).Value!.Id;
            DeskB = (await Run<DeskService, ServiceResult<Desk>>(d => d.CreateAsync("Kyiv Embassy", CancellationToken.None))).Value!.Id;
            InA = (await Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput { FamilyName = "Deskone", DeskId = DeskA, MotherMaidenName = "Secret A", ServiceNumber = "SN-A", Nationality = "KP" }, Officer, CancellationToken.None))).Value!;
            InB = (await Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput { FamilyName = "Desktwo", DeskId = DeskB, MotherMaidenName = "Secret B" }, Officer, CancellationToken.None))).Value!;
        }
    }

    private AsyncServiceScope OfficerOfA() => app.ScopeAs("officer-a", deskIds: app.DeskA);

    [Fact]
    public async Task APooledContext_FiltersByTheRequestItServesNow_NotTheOneBefore()
    {
        // Contexts are pooled (ADR-018): one that served an administrator goes back to the pool, then serves an officer of desk A.
        await using (var admin = app.ScopeAs("admin-1", administrator: true))
        {
            var first = admin.ServiceProvider.GetRequiredService<PowRegistry.Core.Data.PowRegistryDbContext>();
            Assert.Equal(2, await first.Prisoners.CountAsync(p => p.Id == app.InA.Id || p.Id == app.InB.Id));
        }
        await using var officer = OfficerOfA();
        var second = officer.ServiceProvider.GetRequiredService<PowRegistry.Core.Data.PowRegistryDbContext>();
        Assert.Equal([app.InA.Id], await second.Prisoners.Where(p => p.Id == app.InA.Id || p.Id == app.InB.Id).Select(p => p.Id).ToListAsync());
    }

    [Fact]
    public async Task AContextTakenFromThePoolWithoutBinding_SeesNoRecord()
    {
        await using (var admin = app.ScopeAs("admin-1", administrator: true))
        {
            Assert.True(await admin.ServiceProvider.GetRequiredService<PowRegistry.Core.Data.PowRegistryDbContext>().Prisoners.AnyAsync());
        }
        var factory = app.Root.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PowRegistry.Core.Data.PowRegistryDbContext>>();
        await using var unbound = await factory.CreateDbContextAsync();
        Assert.False(await unbound.Prisoners.AnyAsync());
    }

    [Fact]
    public async Task AnOfficer_SeesHisDesksRecord()
    {
        await using var scope = OfficerOfA();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<PrisonerService>().GetAsync(app.InA.Id, CancellationToken.None));
    }

    [Fact]
    public async Task AnOfficer_CannotReadChangeOrFind_AnotherDesksRecord()
    {
        await using var scope = OfficerOfA();
        var service = scope.ServiceProvider.GetRequiredService<PrisonerService>();
        var id = app.InB.Id;

        Assert.Null(await service.GetAsync(id, CancellationToken.None));
        Assert.Null(await service.OpenAsync(id, CancellationToken.None));
        Assert.Null(await service.GetForEditAsync(id, CancellationToken.None));
        Assert.True((await service.UpdateAsync(id, new PrisonerInput { FamilyName = "Hijacked" }, new Actor("officer-a"), CancellationToken.None)).IsNotFound);
        Assert.True((await service.AddAliasAsync(id, new AliasInput { Name = "x" }, new Actor("officer-a"), CancellationToken.None)).IsNotFound);
        Assert.True((await service.AddDocumentAsync(id, new IdentityDocumentInput { DocumentType = "x" }, new Actor("officer-a"), CancellationToken.None)).IsNotFound);
        Assert.True((await service.AddCustodyEventAsync(id, new CustodyEventInput { Kind = CustodyEventKind.Escaped, Date = "2025-01-01" }, new Actor("officer-a"), CancellationToken.None)).IsNotFound);

        var register = scope.ServiceProvider.GetRequiredService<RegisterService>();
        var everything = await register.ListAsync(new RegisterQuery { PageSize = 200 }, CancellationToken.None);
        Assert.DoesNotContain(everything.Rows, r => r.Id == id);
        Assert.Contains(everything.Rows, r => r.Id == app.InA.Id);
        Assert.Empty((await register.ListAsync(new RegisterQuery { Search = "desktwo" }, CancellationToken.None)).Rows);
        Assert.Empty((await register.ListAsync(new RegisterQuery { Search = app.InB.Reference }, CancellationToken.None)).Rows);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<AuditService>().HistoryOfPrisonerAsync(id, 10, CancellationToken.None));
    }

    [Fact]
    public async Task AnOfficer_CannotFileARecordUnderAnotherDesk_OrWithoutOne()
    {
        await using (var scope = OfficerOfA())
        {
            var refused = await scope.ServiceProvider.GetRequiredService<PrisonerService>()
                .CreateAsync(new PrisonerInput { FamilyName = "Misfiled", DeskId = app.DeskB }, new Actor("officer-a"), CancellationToken.None);
            Assert.Contains(refused.Errors, e => e.Field == nameof(PrisonerInput.DeskId) && e.Message.Key == "Prisoner.Desk.ChooseYours");
            var defaulted = await scope.ServiceProvider.GetRequiredService<PrisonerService>()
                .CreateAsync(new PrisonerInput { FamilyName = "Defaulted" }, new Actor("officer-a"), CancellationToken.None);
            Assert.Equal(app.DeskA, defaulted.Value!.DeskId); // his only desk
        }
        await using var deskless = app.ScopeAs("officer-nowhere");
        var none = await deskless.ServiceProvider.GetRequiredService<PrisonerService>()
            .CreateAsync(new PrisonerInput { FamilyName = "Orphan" }, new Actor("officer-nowhere"), CancellationToken.None);
        Assert.Contains(none.Errors, e => e.Message.Key == "Prisoner.Desk.NoneYet");
    }

    [Fact]
    public async Task ServiceNumbers_StayUniqueAcrossDesks()
    {
        await using var scope = app.ScopeAs("officer-b", deskIds: app.DeskB);
        var refused = await scope.ServiceProvider.GetRequiredService<PrisonerService>()
            .CreateAsync(new PrisonerInput { FamilyName = "Copy", ServiceNumber = "SN-A", Nationality = "KP" }, new Actor("officer-b"), CancellationToken.None);
        Assert.Contains(refused.Errors, e => e.Field == nameof(PrisonerInput.ServiceNumber));
    }

    [Fact]
    public async Task AnAuditor_ReadsEveryDesk_ButNotNextOfKinOutsideHisDesks()
    {
        await using var scope = app.ScopeAs("auditor-1", auditor: true);
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<PrisonerService>().GetAsync(app.InB.Id, CancellationToken.None));
        var currentUser = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        Assert.False(currentUser.MaySeeSensitive(app.DeskB));

        var history = (await scope.ServiceProvider.GetRequiredService<AuditService>().HistoryOfPrisonerAsync(app.InB.Id, 50, CancellationToken.None))!;
        var create = history.Single(r => r.EntityType == nameof(Prisoner) && r.Action == AuditActions.Create);
        Assert.Contains(create.Changes, c => c.Field == nameof(Prisoner.MotherMaidenName) && c.New == AuditService.Restricted);
        Assert.DoesNotContain(history.SelectMany(r => r.Changes), c => c.New == "Secret B");
    }

    [Fact]
    public async Task AnAuditor_SearchingTheAuditTrail_SeesNextOfKinAndWishWordsRestricted()
    {
        var wish = await app.Run<WishService, ServiceResult<WishDeclaration>>(w => w.RecordAsync(app.InB.Id, new WishInput
        {
            TakenOn = "2025-03-01",
            Interviewer = "J. Delegate",
            Organisation = InterviewerOrganisation.Icrc,
            PrivateInterview = true,
            Destination = WishDestination.Undecided,
            Reasons = "Reason words B",
            VerbatimWords = "Verbatim words B",
        }, TestServices.Officer, CancellationToken.None));
        Assert.True(wish.Succeeded);
        var feared = await app.Run<WishService, ServiceResult<WishDeclaration>>(w => w.RecordAsync(app.InB.Id, new WishInput
        {
            TakenOn = "2025-03-02",
            Interviewer = "J. Delegate",
            Organisation = InterviewerOrganisation.Icrc,
            PrivateInterview = true,
            Destination = WishDestination.Undecided,
            FearsPersecution = true,
        }, TestServices.Officer, CancellationToken.None));
        Assert.True((await app.Run<WishService, ServiceResult<WishDeclaration>>(w => w.WithdrawAsync(app.InB.Id, feared.Value!.Id, "Withdrawal words B", TestServices.Officer, CancellationToken.None))).Succeeded);

        await using var auditor = app.ScopeAs("auditor-1", auditor: true);
        var audit = auditor.ServiceProvider.GetRequiredService<AuditService>();
        // By the record (as "?record=" does), by its reference, and the whole trail unfiltered.
        foreach (var filter in new[] { new AuditFilter { Record = app.InB.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, new AuditFilter { Record = app.InB.Reference }, new AuditFilter { PageSize = 500 } })
        {
            var rows = await audit.SearchAsync(filter, CancellationToken.None);
            var changes = rows.Where(r => r.PrisonerId == app.InB.Id).SelectMany(r => r.Changes).ToList();
            Assert.Contains(changes, c => c.Field == nameof(Prisoner.MotherMaidenName) && c.New == AuditService.Restricted);
            Assert.Contains(changes, c => c.Field == nameof(WishDeclaration.VerbatimWords) && c.New == AuditService.Restricted);
            Assert.Contains(changes, c => c.Field == nameof(WishDeclaration.Destination)); // the change itself stays listed
            Assert.Contains(changes, c => c.Field == nameof(WishDeclaration.FearsPersecution) && c.New == AuditService.Restricted);
            Assert.Contains(changes, c => c.Field == nameof(WishDeclaration.WithdrawnReason) && c.New == AuditService.Restricted);
            Assert.DoesNotContain(rows.SelectMany(r => r.Changes), c => c.New is "Secret A" or "Secret B" or "Reason words B" or "Verbatim words B" or "Withdrawal words B");
        }

        // An officer of desk A reading the trail (if a page ever let him) sees his own desk's values, not desk B's.
        await using var officer = OfficerOfA();
        var officerRows = await officer.ServiceProvider.GetRequiredService<AuditService>().SearchAsync(new AuditFilter { PageSize = 500 }, CancellationToken.None);
        Assert.Contains(officerRows.SelectMany(r => r.Changes), c => c.New == "Secret A");
        Assert.DoesNotContain(officerRows.SelectMany(r => r.Changes), c => c.New is "Secret B" or "Verbatim words B");

        // Administrators read the values in full.
        await using var admin = app.ScopeAs("admin-1", administrator: true);
        var adminRows = await admin.ServiceProvider.GetRequiredService<AuditService>().SearchAsync(new AuditFilter { Record = app.InB.Reference }, CancellationToken.None);
        Assert.Contains(adminRows.SelectMany(r => r.Changes), c => c.New == "Verbatim words B");
        Assert.Contains(adminRows.SelectMany(r => r.Changes), c => c.New == "Secret B");
        Assert.Contains(adminRows.SelectMany(r => r.Changes), c => c.New == "Withdrawal words B");
    }

    [Fact]
    public async Task TheOwningDeskAndAdministrators_SeeNextOfKin()
    {
        await using var officer = OfficerOfA();
        Assert.True(officer.ServiceProvider.GetRequiredService<CurrentUser>().MaySeeSensitive(app.DeskA));
        var history = (await officer.ServiceProvider.GetRequiredService<AuditService>().HistoryOfPrisonerAsync(app.InA.Id, 50, CancellationToken.None))!;
        Assert.Contains(history.SelectMany(r => r.Changes), c => c.New == "Secret A");
        await using var admin = app.ScopeAs("admin-1", administrator: true);
        Assert.True(admin.ServiceProvider.GetRequiredService<CurrentUser>().MaySeeSensitive(app.DeskB));
    }

    [Fact]
    public async Task OnlyAdministrators_MoveARecordToAnotherDesk()
    {
        var created = (await app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput { FamilyName = "Mover", DeskId = app.DeskA }, TestServices.Officer, CancellationToken.None))).Value!;

        await using (var officer = OfficerOfA())
        {
            var service = officer.ServiceProvider.GetRequiredService<PrisonerService>();
            var form = (await service.GetForEditAsync(created.Id, CancellationToken.None))!;
            form.DeskId = app.DeskB; // an officer's form cannot move it: refused with a message, nothing saved
            var refused = await service.UpdateAsync(created.Id, form, new Actor("officer-a"), CancellationToken.None);
            Assert.Contains(refused.Errors, e => e.Field == nameof(PrisonerInput.DeskId));
            form.FamilyName = "Renamed";
            refused = await service.UpdateAsync(created.Id, form, new Actor("officer-a"), CancellationToken.None);
            Assert.False(refused.Succeeded);
        }
        await using (var officer = OfficerOfA())
        {
            var service = officer.ServiceProvider.GetRequiredService<PrisonerService>();
            var unchanged = (await service.GetAsync(created.Id, CancellationToken.None))!;
            Assert.Equal(app.DeskA, unchanged.DeskId);
            Assert.Equal("Mover", unchanged.FamilyName);
            // His own desk, sent back as the form carries it, is no move at all.
            var form = (await service.GetForEditAsync(created.Id, CancellationToken.None))!;
            Assert.Equal(app.DeskA, form.DeskId);
            Assert.True((await service.UpdateAsync(created.Id, form, new Actor("officer-a"), CancellationToken.None)).Succeeded);
        }
        await using (var admin = app.ScopeAs("admin-1", administrator: true))
        {
            var service = admin.ServiceProvider.GetRequiredService<PrisonerService>();
            var form = (await service.GetForEditAsync(created.Id, CancellationToken.None))!;
            form.DeskId = app.DeskB;
            Assert.True((await service.UpdateAsync(created.Id, form, new Actor("admin-1"), CancellationToken.None)).Succeeded);
        }
        await using var officerAfter = OfficerOfA();
        Assert.Null(await officerAfter.ServiceProvider.GetRequiredService<PrisonerService>().GetAsync(created.Id, CancellationToken.None));
    }

    [Fact]
    public async Task NobodySignedIn_SeesNothing()
    {
        await using var scope = app.ScopeAs(CurrentUser.AnonymousUserId);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<PrisonerService>().GetAsync(app.InA.Id, CancellationToken.None));
    }
}
