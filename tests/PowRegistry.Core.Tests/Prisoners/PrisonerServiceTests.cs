using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Prisoners;

public sealed class PrisonerServiceTests(TestServices app) : IClassFixture<TestServices>
{
    private Task<T> Prisoners<T>(Func<PrisonerService, Task<T>> action) => app.Run(action);

    private async Task<Prisoner> CreateAsync(PrisonerInput input)
    {
        var result = await Prisoners(s => s.CreateAsync(input, TestServices.Officer, CancellationToken.None));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result.Value!;
    }

    [Fact]
    public async Task Create_AssignsAUniqueReference_FromTheYearAndId()
    {
        var first = await CreateAsync(new PrisonerInput { FamilyName = "Han" });
        var second = await CreateAsync(new PrisonerInput { FamilyName = "Han", DuplicatesChecked = true });

        Assert.Equal($"POW-2025-{first.Id:D6}", first.Reference);
        Assert.NotEqual(first.Reference, second.Reference);
        var stored = await Prisoners(s => s.GetAsync(first.Id, CancellationToken.None));
        Assert.Equal(first.Reference, stored!.Reference);
    }

    [Fact]
    public async Task Create_WithCaptureDate_StartsTheTimelineAndCustodyStatus()
    {
        var created = await CreateAsync(new PrisonerInput { FamilyName = "Jang", DateOfCapture = "2025-01-05", PlaceOfCapture = "Kursk region" });
        var stored = (await Prisoners(s => s.GetAsync(created.Id, CancellationToken.None)))!;

        var captured = Assert.Single(stored.CustodyEvents);
        Assert.Equal(CustodyEventKind.Captured, captured.Kind);
        Assert.Equal(new DateOnly(2025, 1, 5), captured.Date);
        Assert.Equal(CustodyStatus.InCustody, stored.CustodyStatus);
    }

    [Fact]
    public async Task Create_WithOnlyAnAlias_IsAllowed_AndTheAliasIsItsName()
    {
        var created = await CreateAsync(new PrisonerInput { InitialAlias = "Ivan Kuznetsov", InitialAliasSource = InformationSource.DocumentCarried });
        var stored = (await Prisoners(s => s.GetAsync(created.Id, CancellationToken.None)))!;
        Assert.Null(stored.FamilyName);
        Assert.Equal("Ivan Kuznetsov", Assert.Single(stored.Aliases).Name);
        Assert.Equal("Ivan Kuznetsov", stored.DisplayName);
    }

    [Fact]
    public async Task Create_RefusesAServiceNumberAlreadyUsedForTheSameNationality()
    {
        await CreateAsync(new PrisonerInput { FamilyName = "Choe", ServiceNumber = "SN-7001", Nationality = "KP" });

        var again = await Prisoners(s => s.CreateAsync(new PrisonerInput { FamilyName = "Choe", ServiceNumber = "SN-7001", Nationality = "KP" }, TestServices.Officer, CancellationToken.None));
        var otherCountry = await Prisoners(s => s.CreateAsync(new PrisonerInput { FamilyName = "Choe", ServiceNumber = "SN-7001", Nationality = "RU", DuplicatesChecked = true }, TestServices.Officer, CancellationToken.None));

        var error = Assert.Single(again.Errors);
        Assert.Equal(nameof(PrisonerInput.ServiceNumber), error.Field);
        Assert.Equal("Prisoner.ServiceNumber.Taken", error.Message.Key);
        Assert.True(otherCountry.Succeeded);
    }

    [Fact]
    public async Task Create_Invalid_SavesNothing()
    {
        int before = await app.Run<PowRegistryDbContext, int>(db => db.Prisoners.CountAsync());
        var result = await Prisoners(s => s.CreateAsync(new PrisonerInput { FamilyName = "Kim", DateOfCapture = "2099-01-01" }, TestServices.Officer, CancellationToken.None));
        Assert.False(result.Succeeded);
        Assert.Equal(before, await app.Run<PowRegistryDbContext, int>(db => db.Prisoners.CountAsync()));
    }

    [Fact]
    public async Task Update_ChangesTheRecord_AndIncrementsTheVersion()
    {
        var created = await CreateAsync(new PrisonerInput { FamilyName = "Yun", Rank = "Private" });
        var form = (await Prisoners(s => s.GetForEditAsync(created.Id, CancellationToken.None)))!;
        form.Rank = "Sergeant";

        var result = await Prisoners(s => s.UpdateAsync(created.Id, form, TestServices.Officer, CancellationToken.None));

        Assert.True(result.Succeeded);
        var stored = (await Prisoners(s => s.GetAsync(created.Id, CancellationToken.None)))!;
        Assert.Equal("Sergeant", stored.Rank);
        Assert.Equal(form.Version + 1, stored.Version);
    }

    [Fact]
    public async Task Update_FromAStaleForm_IsRefused_ShowsWhatChanged_AndOverwritesNothing()
    {
        var created = await CreateAsync(new PrisonerInput { FamilyName = "O", Rank = "Private", PlaceOfInternment = "Camp 1" });
        var first = (await Prisoners(s => s.GetForEditAsync(created.Id, CancellationToken.None)))!;
        var second = (await Prisoners(s => s.GetForEditAsync(created.Id, CancellationToken.None)))!;

        first.Rank = "Sergeant";
        Assert.True((await Prisoners(s => s.UpdateAsync(created.Id, first, TestServices.Officer, CancellationToken.None))).Succeeded);

        second.PlaceOfInternment = "Camp 2";
        var refused = await Prisoners(s => s.UpdateAsync(created.Id, second, TestServices.OtherOfficer, CancellationToken.None));

        Assert.False(refused.Succeeded);
        Assert.Equal(first.Version + 1, refused.CurrentVersion);
        Assert.Contains(refused.Errors, e => e.Field == nameof(PrisonerInput.Rank) && e.Message == new Message("Prisoner.Save.NowSaved", "Sergeant"));
        Assert.Contains(refused.Errors, e => e.Field == "" && e.Message.Key == "Prisoner.Save.Changed");
        var stored = (await Prisoners(s => s.GetAsync(created.Id, CancellationToken.None)))!;
        Assert.Equal("Sergeant", stored.Rank);
        Assert.Equal("Camp 1", stored.PlaceOfInternment);
    }

    [Fact]
    public async Task Update_LosingTheRaceInTheDatabase_IsRefusedToo()
    {
        // Our save passes the version check in memory; then, just before our UPDATE runs, another writer bumps
        // the version. The concurrency token in the SQL UPDATE must stop ours (it matches no row).
        var created = await CreateAsync(new PrisonerInput { FamilyName = "So", Rank = "Private" });
        var form = (await Prisoners(s => s.GetForEditAsync(created.Id, CancellationToken.None)))!;
        form.Rank = "Lieutenant";

        var otherWriter = new OtherWriterBumpsTheVersion(created.Id);
        await using var db = app.NewDbContext(otherWriter);
        await using var scope = app.Scope();
        var service = ActivatorUtilities.CreateInstance<PrisonerService>(scope.ServiceProvider, db);

        var refused = await service.UpdateAsync(created.Id, form, TestServices.Officer, CancellationToken.None);

        Assert.True(otherWriter.Fired);
        Assert.False(refused.Succeeded);
        Assert.Contains(refused.Errors, e => e.Field == "" && e.Message.Key == "Prisoner.Save.Changed");
        Assert.Equal("Private", (await Prisoners(s => s.GetAsync(created.Id, CancellationToken.None)))!.Rank);
    }

    /// <summary>Runs another writer's UPDATE inside our save (same connection: SQLite admits one writer at a time).</summary>
    private sealed class OtherWriterBumpsTheVersion(int prisonerId) : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
    {
        public bool Fired { get; private set; }

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
            Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!Fired)
            {
                Fired = true;
                await eventData.Context!.Database.ExecuteSqlAsync($"""UPDATE "Prisoners" SET "Version" = "Version" + 1 WHERE "Id" = {prisonerId}""", cancellationToken);
            }
            return result;
        }
    }

    [Fact]
    public async Task Update_OfAMissingRecord_IsNotFound()
    {
        var result = await Prisoners(s => s.UpdateAsync(999_999, new PrisonerInput { FamilyName = "X" }, TestServices.Officer, CancellationToken.None));
        Assert.True(result.IsNotFound);
    }

    [Fact]
    public async Task CustodyStatus_FollowsTheLatestEventByDate_NotByEntryOrder()
    {
        var created = await CreateAsync(new PrisonerInput { FamilyName = "Kang", DateOfCapture = "2025-01-01" });
        await AddEvent(created.Id, CustodyEventKind.Hospitalised, "2025-03-01");
        await AddEvent(created.Id, CustodyEventKind.Transferred, "2025-02-01"); // entered late, happened earlier
        Assert.Equal(CustodyStatus.Hospitalised, await StatusOf(created.Id));

        await AddEvent(created.Id, CustodyEventKind.IcrcNotified, "2025-03-05"); // does not move him
        Assert.Equal(CustodyStatus.Hospitalised, await StatusOf(created.Id));

        await AddEvent(created.Id, CustodyEventKind.Discharged, "2025-03-10");
        Assert.Equal(CustodyStatus.InCustody, await StatusOf(created.Id));

        await AddEvent(created.Id, CustodyEventKind.TransferredToThirdState, "2025-05-01");
        Assert.Equal(CustodyStatus.TransferredToThirdState, await StatusOf(created.Id));
    }

    [Fact]
    public async Task CustodyEvent_BeforeBirth_OrInTheFuture_IsRefused()
    {
        var created = await CreateAsync(new PrisonerInput { FamilyName = "Jo", DateOfBirth = "2001" });
        var beforeBirth = await Prisoners(s => s.AddCustodyEventAsync(created.Id, new CustodyEventInput { Kind = CustodyEventKind.Registered, Date = "2000-12-31" }, TestServices.Officer, CancellationToken.None));
        var future = await Prisoners(s => s.AddCustodyEventAsync(created.Id, new CustodyEventInput { Kind = CustodyEventKind.Registered, Date = "2025-06-02" }, TestServices.Officer, CancellationToken.None));
        var noKind = await Prisoners(s => s.AddCustodyEventAsync(created.Id, new CustodyEventInput { Date = "2025-01-02" }, TestServices.Officer, CancellationToken.None));

        Assert.Contains(beforeBirth.Errors, e => e.Message.Key == "CustodyEventInput.Date.BeforeBirth");
        Assert.Contains(future.Errors, e => e.Message.Key == "CustodyEventInput.Date.Future");
        Assert.Contains(noKind.Errors, e => e.Field == nameof(CustodyEventInput.Kind));
        Assert.Empty((await Prisoners(s => s.GetAsync(created.Id, CancellationToken.None)))!.CustodyEvents);
    }

    [Fact]
    public async Task RemoveAlias_RefusesToRemoveTheOnlyName()
    {
        var created = await CreateAsync(new PrisonerInput { InitialAlias = "Unknown soldier 7" });
        var aliasId = Assert.Single((await Prisoners(s => s.GetAsync(created.Id, CancellationToken.None)))!.Aliases).Id;

        var result = await Prisoners(s => s.RemoveAliasAsync(created.Id, aliasId, TestServices.Officer, CancellationToken.None));

        Assert.False(result.Succeeded);
        Assert.Single((await Prisoners(s => s.GetAsync(created.Id, CancellationToken.None)))!.Aliases);
    }

    private async Task AddEvent(int id, CustodyEventKind kind, string date)
    {
        var result = await Prisoners(s => s.AddCustodyEventAsync(id, new CustodyEventInput { Kind = kind, Date = date }, TestServices.Officer, CancellationToken.None));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    private async Task<CustodyStatus> StatusOf(int id) => (await Prisoners(s => s.GetAsync(id, CancellationToken.None)))!.CustodyStatus;
}
