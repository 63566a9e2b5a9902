using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Notifications;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Notifications;

/// <summary>The weekly list of the seriously sick or wounded and of those in hospital (GC III Art. 122).</summary>
public sealed class SickListTests(SickListTests.Data app) : IClassFixture<SickListTests.Data>
{
    public sealed class Data : TestServices
    {
        public int Desk { get; private set; }
        public int OtherDesk { get; private set; }
        public Dictionary<string, Prisoner> Prisoners { get; } = [];

        protected override async Task SeedAsync()
        {
            Desk = (await Run<DeskService, ServiceResult<Desk>>(d => d.CreateAsync("Health desk", CancellationToken.None))).Value!.Id;
            OtherDesk = (await Run<DeskService, ServiceResult<Desk>>(d => d.CreateAsync("Other desk", CancellationToken.None))).Value!.Id;
            await AddAsync("SeriouslySick", HealthStatus.SeriouslySickOrWounded);
            await AddAsync("InHospital", HealthStatus.Good, (CustodyEventKind.Hospitalised, "2025-05-28", "Fictional military hospital"));
            await AddAsync("Discharged", HealthStatus.Wounded, (CustodyEventKind.Hospitalised, "2025-05-10", null), (CustodyEventKind.Discharged, "2025-05-20", null));
            await AddAsync("SickButGone", HealthStatus.SeriouslySickOrWounded, (CustodyEventKind.Repatriated, "2025-05-15", null));
            await AddAsync("Healthy", HealthStatus.Good);
            await AddAsync("Sick", HealthStatus.Sick);
        }

        private async Task AddAsync(string name, HealthStatus health, params (CustodyEventKind Kind, string Date, string? Place)[] events)
        {
            var prisoner = (await Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(
                new PrisonerInput { FamilyName = name, HealthStatus = health, DateOfCapture = "2025-05-01", Rank = "Private", DeskId = Desk, DuplicatesChecked = true }, Officer, CancellationToken.None))).Value!;
            foreach (var e in events)
            {
                var added = await Run<PrisonerService, ServiceResult<CustodyEvent>>(s => s.AddCustodyEventAsync(prisoner.Id, new CustodyEventInput { Kind = e.Kind, Date = e.Date, Place = e.Place }, Officer, CancellationToken.None));
                Assert.True(added.Succeeded);
            }
            Prisoners[name] = prisoner;
        }
    }

    private async Task<SickList> ListAsync(string day, int? desk = null)
    {
        await using var scope = app.ScopeAs("officer", deskIds: desk ?? app.Desk);
        return await scope.ServiceProvider.GetRequiredService<NotificationService>().SickListAsync(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
    }

    private string[] Names(SickList list) => list.Rows.Select(r => app.Prisoners.Single(p => p.Value.Id == r.PrisonerId).Key).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task ThisWeek_ListsTheSeriouslySickInCustody_AndThoseInHospital()
    {
        var list = await ListAsync("2025-05-29"); // a Thursday: the week of Monday 26 May
        Assert.Equal((new DateOnly(2025, 5, 26), new DateOnly(2025, 6, 1), "2025-W22"), (list.WeekStart, list.WeekEnd, list.Week));
        Assert.Equal(["InHospital", "SeriouslySick"], Names(list));

        var hospital = list.Rows.Single(r => r.PrisonerId == app.Prisoners["InHospital"].Id);
        Assert.Equal((true, new DateOnly(2025, 5, 28), "Fictional military hospital", "InHospital", "Private"),
            (hospital.HospitalisedInWeek, hospital.HospitalisedOn, hospital.Hospital, hospital.Name, hospital.Rank));
        var sick = list.Rows.Single(r => r.PrisonerId == app.Prisoners["SeriouslySick"].Id);
        Assert.Equal((false, HealthStatus.SeriouslySickOrWounded, CustodyStatus.InCustody), (sick.HospitalisedInWeek, sick.Health, sick.CustodyStatus));
    }

    [Fact]
    public async Task AnEarlierWeek_ListsWhoWasInHospitalOrStillInCustodyThen()
    {
        // Week of 12 May: "Discharged" was in hospital (10–20 May); "SickButGone" was repatriated on the 15th, in custody before.
        Assert.Equal(["Discharged", "SeriouslySick", "SickButGone"], Names(await ListAsync("2025-05-12")));
        // Week of 19 May: "Discharged" left hospital on the 20th, so he was in hospital on the 19th; "SickButGone" was gone.
        Assert.Equal(["Discharged", "SeriouslySick"], Names(await ListAsync("2025-05-25")));
        // Before the admissions: only the seriously sick man (captured 1 May).
        Assert.Equal(["SeriouslySick", "SickButGone"], Names(await ListAsync("2025-04-30")));
    }

    [Fact]
    public async Task AnOfficerOfAnotherDesk_SeesNobodyOnIt()
    {
        Assert.Empty((await ListAsync("2025-05-29", app.OtherDesk)).Rows);
    }

    [Theory]
    [InlineData("2025-W23", "2025-06-02")]
    [InlineData(" 2020-W53 ", "2020-12-28")]
    [InlineData("2025-W01", "2024-12-30")]
    [InlineData("2025-W54", null)]
    [InlineData("2025-W00", null)]
    [InlineData("2025-23", null)]
    [InlineData("<script>", null)]
    [InlineData("", null)]
    public void IsoWeeks_AreParsedOrRefused(string text, string? monday)
    {
        Assert.Equal(monday is not null, IsoWeek.TryParse(text, out var parsed));
        if (monday is not null) Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), parsed);
    }
}
