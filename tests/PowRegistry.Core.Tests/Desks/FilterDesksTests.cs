using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Core.Data;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Desks;

/// <summary>
/// The need-to-know filter reads a user's desks as four single values and a list for the rest (<see cref="FilterDesks"/>):
/// whatever the number of desks, a user sees exactly his desks' records, consultations and counts, and the filter's SQL
/// is the same for everyone, so EF Core keeps it.
/// </summary>
public sealed class FilterDesksTests(FilterDesksTests.Data app) : IClassFixture<FilterDesksTests.Data>
{
    public sealed class Data : TestServices
    {
        /// <summary>Seven desks, each with one record and one consultation of its own.</summary>
        public List<int> Desks { get; } = [];
        public Dictionary<int, int> PrisonerOf { get; } = [];
        public Dictionary<int, int> ConsultationOf { get; } = [];
        /// <summary>A record on a desk numbered 0, which the database allows: the number unused places would hold if nothing marked them.</summary>
        public int OnDeskZero { get; private set; }

        protected override async Task SeedAsync()
        {
            var icrc = (await Run<ConsultationService, ServiceResult<Counterpart>>(c => c.AddCounterpartAsync("ICRC", CounterpartKind.Icrc, null, CancellationToken.None))).Value!.Id;
            for (var i = 1; i <= 7; i++)
            {
                var desk = (await Run<DeskService, ServiceResult<Desk>>(d => d.CreateAsync($"Desk {i}", CancellationToken.None))).Value!.Id;
                Desks.Add(desk);
                PrisonerOf[desk] = (await Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(
                    new PrisonerInput { FamilyName = $"Filtered{i}", DeskId = desk, Nationality = "KP", DuplicatesChecked = true }, Officer, CancellationToken.None))).Value!.Id;
                var consultation = await Run<ConsultationService, ServiceResult<Consultation>>(c => c.CreateAsync(new ConsultationInput
                {
                    Title = $"Consultation {i}",
                    Channel = ConsultationChannel.Meeting,
                    Date = "2025-06-01",
                    CounterpartIds = [icrc],
                    DeskId = desk,
                }, Officer, CancellationToken.None));
                Assert.True(consultation.Succeeded, string.Join("; ", consultation.Errors.Select(e => e.Message)));
                ConsultationOf[desk] = consultation.Value!.Id;
            }
            await ExecuteRawAsync("INSERT INTO \"Desks\" (\"Id\", \"Name\") VALUES (0, 'Desk zero')");
            var created = await Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(
                new PrisonerInput { FamilyName = "Filtered0", DeskId = Desks[0], Nationality = "KP", DuplicatesChecked = true }, Officer, CancellationToken.None));
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
            OnDeskZero = created.Value!.Id;
            // Moved by hand: the service reads desk 0 as "no desk given".
            Assert.Equal(1, await ExecuteRawAsync("UPDATE \"Prisoners\" SET \"DeskId\" = 0 WHERE \"Id\" = @id", ("id", OnDeskZero)));
        }
    }

    public static TheoryData<int[]> DeskChoices => new()
    {
        { [] },
        { [0] },
        { [3] },
        { [1, 4] },
        { [6, 0, 2] },
        { [0, 1, 2, 3] },
        { [0, 1, 2, 3, 4] }, // one past the four places
        { [5, 3, 1, 0, 2, 6] },
    };

    [Theory]
    [MemberData(nameof(DeskChoices))]
    public async Task AnOfficer_SeesExactlyHisDesks_HoweverManyHeHas(int[] which)
    {
        var mine = which.Select(i => app.Desks[i]).ToArray();
        await using var scope = app.ScopeAs("officer-many", deskIds: mine);
        var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();

        List<int> seeded = [.. app.PrisonerOf.Values, app.OnDeskZero];
        Assert.Equal(mine.Select(d => app.PrisonerOf[d]).Order(), await db.Prisoners.Where(p => seeded.Contains(p.Id)).Select(p => p.Id).OrderBy(id => id).ToListAsync());
        var consultations = app.ConsultationOf.Values.ToList();
        Assert.Equal(mine.Select(d => app.ConsultationOf[d]).Order(), await db.Consultations.Where(c => consultations.Contains(c.Id)).Select(c => c.Id).OrderBy(id => id).ToListAsync());
        Assert.Equal(mine.Order(), await db.RegisterTallies.Where(t => app.Desks.Contains(t.DeskId)).Select(t => t.DeskId).Distinct().OrderBy(d => d).ToListAsync());
    }

    [Fact]
    public async Task TheFiltersSql_IsOneStatementPerNumberOfDesks_AndEfCoreKeepsIt()
    {
        // A list in the filter would give one parameter per desk, and no statement kept in EF Core's cache: it would
        // write the SQL again on every run. Places left empty are left out of the SQL; past four, the list is one parameter.
        async Task<string> SqlFor(params int[] which)
        {
            await using var scope = app.ScopeAs("reader", deskIds: [.. which.Select(i => app.Desks[i])]);
            var db = scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>();
            return SqlWithoutParameterValues(db.Prisoners.Join(db.RegisterTallies, p => p.DeskId, t => t.DeskId, (p, t) => p.Id).Concat(db.Consultations.Select(c => c.Id)).ToQueryString());
        }
        Assert.Equal(await SqlFor(0), await SqlFor(5));
        Assert.Equal(await SqlFor(1, 2), await SqlFor(6, 0));
        Assert.Equal(await SqlFor(0, 1, 2, 3, 4), await SqlFor(6, 5, 4, 3, 2, 1, 0));
        // The list of desks past the fourth is in the SQL only for those who have some: SQLite would pay for it on every row.
        Assert.DoesNotContain("More", await SqlFor(0, 1, 2, 3), StringComparison.Ordinal);
        Assert.Contains("More", await SqlFor(0, 1, 2, 3, 4), StringComparison.Ordinal);

        using var cache = new MemoryCache(new MemoryCacheOptions());
        foreach (var desks in new[] { [app.Desks[0]], [app.Desks[0], app.Desks[1]], app.Desks.Take(6).ToArray() })
        {
            cache.Clear();
            var officer = new CurrentUser();
            officer.SignedIn("reader", false, false, desks);
            await using (var db = app.NewDbContext(officer, cache))
            {
                await db.Prisoners.CountAsync();
            }
            Assert.Contains(cache.Keys, k => k.GetType().Name == "CommandCacheKey");
        }
    }

    /// <summary>ToQueryString puts each parameter's value on a line of its own before the SQL (".param set" on SQLite, "-- @" on PostgreSQL).</summary>
    private static string SqlWithoutParameterValues(string query) =>
        string.Join('\n', query.Split('\n').Where(line => !line.StartsWith(".param set ", StringComparison.Ordinal) && !line.StartsWith("-- @", StringComparison.Ordinal)));
}
