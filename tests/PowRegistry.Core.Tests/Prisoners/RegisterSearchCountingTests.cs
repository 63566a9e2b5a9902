using System.Data.Common;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Prisoners;

/// <summary>
/// What register search counts before it reads a page, and how: the counts are most of a cross-script search's cost at a
/// million records (docs/performance.md). The rows found are checked elsewhere (<see cref="RegisterSearchShapeTests"/>);
/// these check that no count is sent that decides nothing. The register: Kim0 … Kim11, all "Chol", aliases "Alias n".
/// </summary>
public sealed class RegisterSearchCountingTests(RegisterQueryCountTests.Data app) : IClassFixture<RegisterQueryCountTests.Data>
{
    private sealed class CommandLog : DbCommandInterceptor
    {
        public List<string> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }

    private static bool Counts(string sql) => sql.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task ACappedCount_AsksPastTheCapFirst_AndCountsOnlyBelowIt()
    {
        var log = new CommandLog();
        await using var db = app.NewDbContext(log);
        var chol = db.PrisonerSearchTerms.Where(t => t.Kind == SearchTermKind.Word && t.Term == "chol");

        Assert.Equal(5, await CappedCount.OfAsync(chol, 5, CancellationToken.None));
        Assert.Single(log.Commands); // one row past the cap less one exists: no count at all
        Assert.DoesNotContain(log.Commands, Counts);

        log.Commands.Clear();
        Assert.Equal(12, await CappedCount.OfAsync(chol, 50, CancellationToken.None));
        Assert.Equal(2, log.Commands.Count);
        Assert.Single(log.Commands, Counts);

        Assert.Equal(0, await CappedCount.OfAsync(db.PrisonerSearchTerms.Where(t => t.Term == "nobody"), 50, CancellationToken.None));
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
        Assert.DoesNotContain(log.Commands, c => c.Contains("\"Kind\" = 1", StringComparison.Ordinal)); // the name keys
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
        Assert.Single(log.Commands, Counts); // kim3's count; chol only asked whether it has one entry
        Assert.Equal(3, log.Commands.Count);
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
        var words = log.Commands.Where(c => c.Contains("\"Kind\" = 0", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, words.Count); // kim11: past the cap? then its count; chol: one entry?
        Assert.Single(words, Counts);
        // The name keys likewise, in typed order: "chol…" counted (twelve), the surname's keys only up to twelve.
        var keys = log.Commands.Where(c => c.Contains("\"Kind\" = 1", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, keys.Count);
        Assert.Single(keys, Counts);
    }

    [Fact]
    public async Task OnceAConditionIsRareEnough_TheRestAreNotCounted()
    {
        // "kim11" (one entry) is below RareEnough: "chol" is not even asked whether it has one entry, on either side.
        var log = new CommandLog();
        await using var db = app.NewDbContext(log);

        var search = await RegisterSearch.ForAsync(db, "chol kim11", new RegisterSearchOptions { ListCap = 50, RareEnough = 2 }, exactFirst: true, CancellationToken.None);

        Assert.NotNull(search!.ExactDriver);
        Assert.Equal(2, log.Commands.Count); // kim11 equal: past the cap? then its count
        Assert.Single(log.Commands, Counts);

        log.Commands.Clear();
        await search.ShapeAsync(CancellationToken.None);
        Assert.False(search.MatchesNone);
        var words = log.Commands.Where(c => c.Contains("\"Kind\" = 0", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, words.Count); // kim11 starting: past the cap? then its count; chol not asked
        // The name keys in typed order: "chol…" (twelve) is not rare enough, so the surname's keys are asked up to twelve.
        Assert.Equal(3, log.Commands.Count(c => c.Contains("\"Kind\" = 1", StringComparison.Ordinal)));

        await using var scope = app.Scope();
        var page = await ActivatorUtilities.CreateInstance<RegisterService>(scope.ServiceProvider, db).ListAsync(new RegisterQuery { Search = "chol kim11", Sort = RegisterSort.Relevance }, CancellationToken.None);
        Assert.Equal("Kim11", page.Rows[0].FamilyName); // the exact match first; then the others, whose name keys meet "kim" and "chol"
        Assert.Equal(12, page.Rows.Count);

        // A count that reached the cap is not rare, however low the cap: "chol" (twelve, counted to five) and then "kim".
        log.Commands.Clear();
        var common = await RegisterSearch.ForAsync(db, "chol kim", new RegisterSearchOptions { ListCap = 5, RareEnough = 200 }, exactFirst: false, CancellationToken.None);
        Assert.True(common!.Walked);
        Assert.Equal(2, log.Commands.Count(c => c.Contains("\"Kind\" = 0", StringComparison.Ordinal)));
    }
}
