using System.Data.Common;
using System.Text.RegularExpressions;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Prisoners;

/// <summary>
/// What register search counts before it reads a page, and how: the counts are most of a cross-script search's cost at a
/// million records (docs/performance.md). The rows found are checked elsewhere (<see cref="RegisterSearchShapeTests"/>);
/// these check that no count is sent that decides nothing, that each count is one statement with its cap, that a name
/// word's exact keys reach each store in the shape it reads best, and that EF Core keeps the SQL of every statement a
/// search by name keys sends. The register: Kim0 … Kim11, all "Chol", aliases "Alias n".
/// </summary>
public sealed class RegisterSearchCountingTests(RegisterQueryCountTests.Data app) : IClassFixture<RegisterQueryCountTests.Data>
{
    private sealed class CommandLog : DbCommandInterceptor
    {
        public List<string> Commands { get; } = [];

        /// <summary>Each command's cap, when it is a capped count (<see cref="CappedCount"/>): how many entries it may read.</summary>
        public List<int?> Caps { get; } = [];

        /// <summary>The caps of the capped counts whose SQL contains <paramref name="part"/>, in the order sent.</summary>
        public List<int> CapsOf(string part) => [.. Commands.Zip(Caps).Where(c => c.Second is not null && c.First.Contains(part, StringComparison.Ordinal)).Select(c => c.Second!.Value)];

        public void Clear()
        {
            Commands.Clear();
            Caps.Clear();
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(command.CommandText);
            Caps.Add(command.Parameters.Cast<DbParameter>().FirstOrDefault(p => p.ParameterName.TrimStart('@') == "cap")?.Value is int cap ? cap : null);
            return ValueTask.FromResult(result);
        }
    }

    private const string Words = "\"Kind\" = 0", NameKeys = "\"Kind\" = 1";

    [Fact]
    public async Task ACappedCount_IsOneStatement_ThatAsksPastTheCapBeforeItCounts()
    {
        var log = new CommandLog();
        await using var db = app.NewDbContext(log);
        var chol = db.PrisonerSearchTerms.Where(t => t.Kind == SearchTermKind.Word && t.Term == "chol");

        Assert.Equal(5, await CappedCount.OfAsync(chol, 5, CancellationToken.None));
        Assert.Equal(12, await CappedCount.OfAsync(chol, 50, CancellationToken.None));
        Assert.Equal(12, await CappedCount.OfAsync(chol, 12, CancellationToken.None));
        Assert.Equal(11, await CappedCount.OfAsync(chol, 11, CancellationToken.None));
        Assert.Equal(0, await CappedCount.OfAsync(db.PrisonerSearchTerms.Where(t => t.Term == "nobody"), 50, CancellationToken.None));

        Assert.Equal([5, 50, 12, 11, 50], log.Caps);
        // Whether a row lies at the cap (OFFSET, about 3 SQLite steps a row), and only otherwise the count: not a
        // COUNT(*) over a LIMIT subquery (about 8 a row).
        var probeThenCount = new Regex(@"EXISTS \([^()]*OFFSET[^()]*\) THEN @cap\s+ELSE \(\s+SELECT COUNT\(\*\)\S*\s+FROM ""PrisonerSearchTerms""", RegexOptions.IgnoreCase);
        Assert.All(log.Commands, sql => Assert.Matches(probeThenCount, sql));
    }

    [Fact]
    public async Task ARelevancePageFilledByExactMatches_CountsNoOtherCondition()
    {
        // "chol" equals a stored word of all twelve: the page of five is exact matches alone, so the words that start
        // with "chol" and the name keys (the rest of the page's shape) need no count.
        var log = new CommandLog();
        await using var db = app.NewDbContext(log);
        await using var scope = app.Scope();
        var service = ActivatorUtilities.CreateInstance<RegisterService>(scope.ServiceProvider, db);

        var page = await service.ListAsync(new RegisterQuery { Search = "chol", Sort = RegisterSort.Relevance, PageSize = 5 }, CancellationToken.None);

        Assert.Equal(5, page.Rows.Count);
        Assert.DoesNotContain(log.Commands, c => c.Contains("\"Term\" >=", StringComparison.Ordinal)); // a prefix: a word starting with, or a name key
        Assert.DoesNotContain(log.Commands, c => c.Contains(NameKeys, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheExactWords_AreCountedOnlyUpToTheRarestSoFar()
    {
        // "kim3" (one entry) is counted first (the longer word; the typed order on a tie of length), and "chol"
        // (twelve) only up to one: finding one entry decides that it is not rarer, without counting it.
        var log = new CommandLog();
        await using var db = app.NewDbContext(log);

        var search = await RegisterSearch.ForAsync(db, "kim3 chol", new RegisterSearchOptions { ListCap = 50, RareEnough = 0 }, exactFirst: true, CancellationToken.None);

        Assert.NotNull(search!.ExactDriver);
        Assert.False(search.MatchesNone);
        Assert.Equal(2, log.Commands.Count);
        Assert.Equal([50, 1], log.Caps); // kim3 counted; chol only asked whether it has one entry
    }

    [Fact]
    public async Task TheMatchingWords_AreCountedLongestFirst_AndOnlyUpToTheRarestSoFar()
    {
        // "kim11" (one entry starts with it) is counted first, though typed last: the longer word. "chol" (twelve) is
        // then only asked whether it has one entry, which decides that it is not rarer.
        var log = new CommandLog();
        await using var db = app.NewDbContext(log);

        var search = await RegisterSearch.ForAsync(db, "chol kim11", new RegisterSearchOptions { ListCap = 50, RareEnough = 0 }, exactFirst: false, CancellationToken.None);

        Assert.False(search!.MatchesNone);
        Assert.False(search.Walked); // the rarest word's list is read whole
        Assert.Equal(4, log.Commands.Count);
        Assert.Equal([50, 1], log.CapsOf(Words)); // kim11 counted; chol: one entry?
        // The name keys likewise, in typed order: "chol…" counted (twelve), the surname's keys only up to twelve.
        Assert.Equal([50, 12], log.CapsOf(NameKeys));
    }

    [Fact]
    public async Task OnceAConditionIsRareEnough_TheRestAreNotCounted()
    {
        // "kim11" (one entry) is below RareEnough: "chol" is not even asked whether it has one entry, on either side.
        var log = new CommandLog();
        await using var db = app.NewDbContext(log);

        var search = await RegisterSearch.ForAsync(db, "chol kim11", new RegisterSearchOptions { ListCap = 50, RareEnough = 2 }, exactFirst: true, CancellationToken.None);

        Assert.NotNull(search!.ExactDriver);
        Assert.Equal([50], log.Caps); // kim11 equal counted; chol not asked

        log.Clear();
        await search.ShapeAsync(CancellationToken.None);
        Assert.False(search.MatchesNone);
        Assert.Equal([50], log.CapsOf(Words)); // kim11 starting counted; chol not asked
        // The name keys in typed order: "chol…" (twelve) is not rare enough, so the surname's keys are asked up to twelve.
        Assert.Equal([50, 12], log.CapsOf(NameKeys));
        Assert.Equal(3, log.Commands.Count);

        await using var scope = app.Scope();
        var page = await ActivatorUtilities.CreateInstance<RegisterService>(scope.ServiceProvider, db).ListAsync(new RegisterQuery { Search = "chol kim11", Sort = RegisterSort.Relevance }, CancellationToken.None);
        Assert.Equal("Kim11", page.Rows[0].FamilyName); // the exact match first; then the others, whose name keys meet "kim" and "chol"
        Assert.Equal(12, page.Rows.Count);

        // A count that reached the cap is not rare, however low the cap: "chol" (twelve, counted to five) and then "kim".
        log.Clear();
        var common = await RegisterSearch.ForAsync(db, "chol kim", new RegisterSearchOptions { ListCap = 5, RareEnough = 200 }, exactFirst: false, CancellationToken.None);
        Assert.True(common!.Walked);
        Assert.Equal([5, 5], log.CapsOf(Words));
    }

    [Theory]
    [InlineData("kim chol", RegisterSort.Relevance)] // twelve exact matches do not fill a page of 100: shaped, name keys and all
    [InlineData("kim", RegisterSort.Name)]
    [InlineData("chol kim11", RegisterSort.Reference)]
    public async Task ASearchByNameKeys_SendsOnlyStatementsWhoseSqlEfCoreKeeps(string typed, RegisterSort sort)
    {
        // A name word's exact keys ("kim", "kym") given as a list would be one parameter per key, and EF Core would
        // write the SQL of every statement with name keys again on every run, instead of keeping it.
        var log = new CommandLog();
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var system = new CurrentUser();
        system.ActAsSystem();
        await using var db = app.NewDbContext(system, cache, log);
        await using var scope = app.Scope();

        var page = await ActivatorUtilities.CreateInstance<RegisterService>(scope.ServiceProvider, db)
            .ListAsync(new RegisterQuery { Search = typed, Sort = sort }, CancellationToken.None);

        Assert.NotEmpty(page.Rows);
        Assert.Contains(log.Commands, c => c.Contains(NameKeys, StringComparison.Ordinal));
        Assert.Equal(log.Commands.Distinct().Count(), cache.Keys.Count(k => k.GetType().Name == "CommandCacheKey"));
    }

    [Fact]
    public async Task ANameWordsExactKeys_AreSentAsTheStoreReadsThemBest()
    {
        // "kim" has exact keys only (a surname: "kim", "kym"). PostgreSQL gets one array, which it reads in index order
        // and stops at the cap (for an OR of values it builds a bitmap of every entry of each); SQLite single values
        // (it reads an array as json_each, which costs it more).
        var log = new CommandLog();
        await using var db = app.NewDbContext(log);

        var search = await RegisterSearch.ForAsync(db, "kim", new RegisterSearchOptions(), exactFirst: false, CancellationToken.None);

        Assert.False(search!.MatchesNone);
        var keys = Assert.Single(log.Commands, c => c.Contains(NameKeys, StringComparison.Ordinal));
        if (TestDatabase.Provider == DatabaseProvider.PostgreSql) Assert.Contains("= ANY (@", keys, StringComparison.Ordinal);
        else Assert.Matches(@"""Term"" = @\w+ OR ""\w+""\.""Term"" = @", keys);
    }
}
