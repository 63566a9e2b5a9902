using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Tests.Prisoners.Legacy;

namespace PowRegistry.Core.Tests.Prisoners;

/// <summary>
/// The search shape chosen per query (lists or walks, relevance in two parts) returns exactly the rows, in exactly
/// the order, of the one-query search it replaced (<see cref="LegacyRegisterQuery"/>, kept as the oracle): every
/// page forward and back, in every sort and direction, with filters and as a desk officer, for many typed queries.
/// The register is varied: Latin, Hangul and Cyrillic names, aliases, service numbers, three desks, two statuses.
/// <see cref="RegisterSearchOptions.ListCap"/> is lowered to 40 here, so that common terms ("kim", "ri", "k") are
/// walked and rare ones ("thak", a service number) listed, as at a million records; and a walk in name or date order
/// stops after 25 rows and sorts the rest of the matches (driven by the term's list or by the rows left, whichever is
/// shorter when counted up to 300), as "kim" in name order does at a million. The sparse cap is left as it is, so that
/// a Hangul name typed whole ("이영철") has its given name's keys read whole, as at a million.
/// </summary>
public sealed class RegisterSearchShapeTests(RegisterSearchShapeTests.Data app) : IClassFixture<RegisterSearchShapeTests.Data>
{
    private const int PageSize = 40;

    public sealed class Data : TestServices
    {
        public int[] Desks { get; private set; } = [];

        private static readonly string[] LatinFamilies = ["Kim", "Ri", "Lee", "Pak", "Park", "Choe", "Thak", "Rim", "Kang", "Yi"];
        private static readonly string[] LatinGivens = ["Yong Chol", "Yong-chol", "Young-chul", "Yeong-cheol", "Chol Su", "Ho Yong", "Myong Sok", "Kim", "Jong Un", "Ok"];
        private static readonly string[] HangulFamilies = ["김", "리", "이", "박", "최", "탁"];
        private static readonly string[] HangulGivens = ["영철", "철수", "호용", "명석", "영"];
        private static readonly string[] CyrillicFamilies = ["Ким", "Ли", "Пак", "Чхве", "Рі"];
        private static readonly string[] CyrillicGivens = ["Ён Чхоль", "Чхоль Су", "Йон Чхоль", "Хо Ён"];
        private static readonly string[] RussianFamilies = ["Ivanov", "Иванов", "Sergeev", "Никитин"];
        private static readonly string[] RussianGivens = ["Ivan", "Сергей", "Nikolai", "Иван"];

        public const int Count = 1400;

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton(new RegisterSearchOptions { ListCap = 40, RareEnough = 5, WalkLimit = 25, SortCountCap = 300, ExactFilterWalk = 7 });

        protected override async Task SeedAsync()
        {
            var desks = new List<int>();
            foreach (var name in new[] { "Desk one", "Desk two", "Desk three" })
            {
                desks.Add((await Run<DeskService, ServiceResult<Desk>>(d => d.CreateAsync(name, CancellationToken.None))).Value!.Id);
            }
            Desks = [.. desks];

            for (var i = 0; i < Count; i++)
            {
                var n = (i * 7919) % 1000; // spread without a pattern that follows the id
                (string family, string given, string nationality) = (i % 10) switch
                {
                    < 5 => (LatinFamilies[n % LatinFamilies.Length], LatinGivens[(n / 10) % LatinGivens.Length], "KP"),
                    < 7 => (HangulFamilies[n % HangulFamilies.Length], HangulGivens[(n / 6) % HangulGivens.Length], "KP"),
                    < 9 => (CyrillicFamilies[n % CyrillicFamilies.Length], CyrillicGivens[(n / 5) % CyrillicGivens.Length], "KP"),
                    _ => (RussianFamilies[n % RussianFamilies.Length], RussianGivens[(n / 4) % RussianGivens.Length], "RU"),
                };
                var input = new PrisonerInput
                {
                    FamilyName = family,
                    GivenNames = given,
                    Nationality = nationality,
                    ServiceNumber = i % 3 == 0 ? $"SN-{i:D5}" : null,
                    DateOfCapture = i % 4 == 0 ? null : $"2024-{1 + (n % 12):D2}-{1 + (n % 28):D2}",
                    DeskId = desks[n % 3 == 0 ? 0 : n % 3 == 1 ? 1 : (i % 2 == 0 ? 2 : 0)],
                    InitialAlias = (i % 6) switch
                    {
                        0 => "리영철",
                        1 => "Ri Yong Chol",
                        2 => $"{family}-{i % 13}",
                        _ => null,
                    },
                    DuplicatesChecked = true,
                };
                var created = await Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(input, Officer, CancellationToken.None));
                Assert.True(created.Value is not null, $"seed {i}: {string.Join(", ", created.Errors.Select(e => e.Message.Key))}");
            }
        }
    }

    public static TheoryData<string> Typed() =>
    [
        "k", "kim", "KIM", "pow", "kim chol", "Thak Ho Yong", "이영철", "리영철", "Ri Yong Chol", "Lee Young-chul", "Ли Ён Чхоль",
        "ri", "lee", "yong", "yong-chol", "영철", "ivan", "иван", "chol kim", "kim kim", "sn-0", "SN-00123", "POW-2025",
        "zzzz", "kim zzzz", "ri yong", "Пак", "ok", "young chul", "kim-3",
    ];

    private static readonly RegisterSort[] Sorts = [RegisterSort.Relevance, RegisterSort.Reference, RegisterSort.Name, RegisterSort.DateOfCapture];

    [Theory]
    [MemberData(nameof(Typed))]
    public async Task EveryPage_IsTheOraclesPage_InEverySortFilterAndDesk(string typed)
    {
        var reference = await Oracle(new RegisterQuery { PageSize = 1 }, null);
        Assert.NotEmpty(reference.Rows); // the register is there
        var compared = 0;
        var cases =
            from sort in Sorts
            from down in new[] { false, true }
            from viewer in Viewers()
            select (Sort: sort, Descending: down, viewer.Desks, viewer.Filter);
        // The comparisons only read, each through scopes of its own: run side by side, so that this class (the longest
        // of the suite, and alone at its end) keeps every core busy.
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (c, _) =>
        {
            RegisterQuery Query() { var q = c.Filter(); q.Search = typed; q.Sort = c.Sort; q.Descending = c.Descending; q.PageSize = PageSize; return q; }
            var pages = await CompareAllPagesAsync(Query, c.Desks, $"\"{typed}\" {c.Sort}{(c.Descending ? " desc" : "")} desks [{string.Join(",", c.Desks ?? [])}]");
            Interlocked.Add(ref compared, pages);
        });
        Assert.True(compared > 0);
    }

    [Fact]
    public async Task TheSearchesAboveFindRecords_InAllScriptsAndAsExactAndInexactMatches()
    {
        // Guards the comparison above against comparing empty pages: the register holds what the searches are about.
        foreach (var typed in new[] { "kim", "이영철", "Ли Ён Чхоль", "ri yong", "ivan" })
        {
            var page = await Service(new RegisterQuery { Search = typed, PageSize = 200 }, null);
            Assert.True(page.Rows.Count > 10, typed);
        }
        var relevance = await Service(new RegisterQuery { Search = "kim", Sort = RegisterSort.Relevance, PageSize = 200 }, null);
        var reference = await Service(new RegisterQuery { Search = "kim", Sort = RegisterSort.Reference, PageSize = 200 }, null);
        Assert.NotEqual(reference.Rows.Select(r => r.Id), relevance.Rows.Select(r => r.Id)); // two parts, not one
    }

    [Fact]
    public async Task AHangulNameTypedWhole_ReadsItsGivenNamesKeysWhole_WhenTheyAreFewEnough()
    {
        // "이영철": no stored word starts with it, and both its name keys (the surname's, the given name's) pass the list
        // cap of 40 here, so the register would be walked; the given name's keys, under the sparse cap, are read whole.
        // The pages themselves are compared with the oracle above (the options of this class let them be read whole).
        await using var db = app.NewDbContext();
        var options = new RegisterSearchOptions { ListCap = 40 };
        var listed = await RegisterSearch.ForAsync(db, "이영철", options, exactFirst: false, CancellationToken.None);
        Assert.False(listed!.Walked);

        options.SparseListCap = 41; // the given name's keys are more than that: walked as before
        var walked = await RegisterSearch.ForAsync(db, "이영철", options, exactFirst: false, CancellationToken.None);
        Assert.True(walked!.Walked);

        // Beside words that match, the keys are not read whole: beside common words the register is walked anyway, and
        // beside a rare one ("탁": 48 entries here, listed under a cap of 60) SQLite would read both lists and sort them.
        var withWords = await RegisterSearch.ForAsync(db, "ri yong", new RegisterSearchOptions { ListCap = 40 }, exactFirst: false, CancellationToken.None);
        Assert.True(withWords!.Walked);
        var besideARareWord = await RegisterSearch.ForAsync(db, "탁 호용", new RegisterSearchOptions { ListCap = 60 }, exactFirst: false, CancellationToken.None);
        Assert.True(besideARareWord!.Walked);
    }

    [Fact]
    public async Task ARelevanceCursorFromTheOldShape_StillPagesOn()
    {
        // Old cursors carried "0"/"1" + reference as their key; the part is their first character.
        var query = new RegisterQuery { Search = "kim", Sort = RegisterSort.Relevance, PageSize = PageSize };
        var old = await Oracle(query, null);
        var next = old.NextCursor!;
        var fromOld = await Service(new RegisterQuery { Search = "kim", Sort = RegisterSort.Relevance, PageSize = PageSize, After = next }, null);
        var fromOracle = await Oracle(new RegisterQuery { Search = "kim", Sort = RegisterSort.Relevance, PageSize = PageSize, After = next }, null);
        Assert.Equal(fromOracle.Rows.Select(r => r.Id), fromOld.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task ACursorOfAnotherOrder_StartsARelevanceSearchAgain()
    {
        var byName = await Service(new RegisterQuery { Search = "kim", Sort = RegisterSort.Name, PageSize = PageSize }, null);
        var first = await Service(new RegisterQuery { Search = "kim", Sort = RegisterSort.Relevance, PageSize = PageSize }, null);
        var restarted = await Service(new RegisterQuery { Search = "kim", Sort = RegisterSort.Relevance, PageSize = PageSize, After = byName.NextCursor }, null);
        Assert.Equal(first.Rows.Select(r => r.Id), restarted.Rows.Select(r => r.Id));
        Assert.Null(restarted.PreviousCursor);
    }

    /// <summary>Who looks (null: every desk) and which filter: an administrator, each desk's officer, filters, both.</summary>
    private IEnumerable<(int[]? Desks, Func<RegisterQuery> Filter)> Viewers()
    {
        yield return (null, () => new RegisterQuery());
        yield return (null, () => new RegisterQuery { Status = CustodyStatus.InCustody });
        yield return (null, () => new RegisterQuery { Nationality = "RU" });
        yield return ([app.Desks[1]], () => new RegisterQuery());
        yield return ([app.Desks[2]], () => new RegisterQuery { Status = CustodyStatus.Unknown });
        yield return ([app.Desks[0], app.Desks[2]], () => new RegisterQuery());
    }

    /// <summary>
    /// Pages the service forward to the end and back to the start with its own cursors: every page must hold the rows, in
    /// order, of the oracle's page at that place. The oracle's pages are slices of its whole list, read once (its cursors
    /// make no other pages: each is the rows after or before a row), as it marks them: a page reached forward has a
    /// previous cursor when it is not the first and a next one when rows follow; a page reached backward always has a
    /// next one, and a previous one when rows precede. Reading the oracle once, not page by page, took a quarter of this
    /// class's CPU away (alone on SQLite), the longest class of the suite.
    /// </summary>
    private async Task<int> CompareAllPagesAsync(Func<RegisterQuery> query, int[]? desks, string what)
    {
        var all = await OracleWholeListAsync(query, desks);
        var index = 0;
        var actual = await Service(query(), desks);
        var visited = new HashSet<int>();
        var pages = 0;
        while (true)
        {
            AssertOraclesPage(all, index, forward: true, actual, $"{what}, forward page {index}");
            foreach (var row in actual.Rows) Assert.True(visited.Add(row.Id), $"{what}: row {row.Id} twice");
            pages++;
            if (actual.NextCursor is null) break;
            var next = query(); next.After = actual.NextCursor;
            actual = await Service(next, desks);
            index++;
        }
        Assert.Equal(all.Count, visited.Count);
        while (actual.PreviousCursor is not null)
        {
            var previous = query(); previous.Before = actual.PreviousCursor;
            actual = await Service(previous, desks);
            index--;
            AssertOraclesPage(all, index, forward: false, actual, $"{what}, backward page {index}");
            pages++;
        }
        AssertVisible(visited, desks);
        return pages;
    }

    /// <summary>Every row the oracle finds for the query, in its order: its pages of 200 (its largest), followed by their cursors.</summary>
    private async Task<List<RegisterRow>> OracleWholeListAsync(Func<RegisterQuery> query, int[]? desks)
    {
        var rows = new List<RegisterRow>();
        string? after = null;
        do
        {
            var q = query(); q.PageSize = 200; q.After = after;
            var page = await Oracle(q, desks);
            rows.AddRange(page.Rows);
            after = page.NextCursor;
        }
        while (after is not null);
        return rows;
    }

    private static void AssertOraclesPage(List<RegisterRow> all, int index, bool forward, RegisterPage actual, string what)
    {
        Assert.True(index >= 0, $"{what}: paged back before the first page");
        var expected = all.Skip(index * PageSize).Take(PageSize).ToList();
        Assert.True(expected.Select(r => r.Id).SequenceEqual(actual.Rows.Select(r => r.Id)),
            $"{what}: expected [{string.Join(",", expected.Select(r => r.Id))}] got [{string.Join(",", actual.Rows.Select(r => r.Id))}]");
        var hasRows = expected.Count > 0;
        var hasNext = hasRows && (!forward || (index + 1) * PageSize < all.Count);
        var hasPrevious = hasRows && index > 0;
        Assert.True(hasNext == actual.NextCursor is not null, $"{what}: next cursor");
        Assert.True(hasPrevious == actual.PreviousCursor is not null, $"{what}: previous cursor");
        Assert.Equal(expected, actual.Rows);
    }

    /// <summary>A desk officer's pages hold only his desks' records (checked on the records themselves, not through the oracle).</summary>
    private void AssertVisible(HashSet<int> visited, int[]? desks)
    {
        if (desks is null || visited.Count == 0) return;
        using var db = app.NewDbContext();
        var ids = visited.ToList();
        var seen = db.Prisoners.Where(p => ids.Contains(p.Id)).Select(p => p.DeskId).Distinct().ToList();
        Assert.All(seen, d => Assert.Contains(d, desks));
    }

    private async Task<RegisterPage> Service(RegisterQuery query, int[]? desks)
    {
        await using var scope = desks is null ? app.ScopeAs("admin", administrator: true) : app.ScopeAs("officer", deskIds: desks);
        return await scope.ServiceProvider.GetRequiredService<RegisterService>().ListAsync(query, CancellationToken.None);
    }

    private async Task<RegisterPage> Oracle(RegisterQuery query, int[]? desks)
    {
        await using var scope = desks is null ? app.ScopeAs("admin", administrator: true) : app.ScopeAs("officer", deskIds: desks);
        return await LegacyRegisterQuery.ListAsync(
            scope.ServiceProvider.GetRequiredService<PowRegistryDbContext>(), scope.ServiceProvider.GetRequiredService<CurrentUser>(), query, CancellationToken.None);
    }
}
