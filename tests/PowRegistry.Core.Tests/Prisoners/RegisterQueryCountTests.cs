using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Prisoners;

/// <summary>
/// A register page is one SQL query without a search; with one, a capped count per condition (to choose the shape),
/// each one or two commands (whether the cap is reached, then how many when it is not: see CappedCount), and at most
/// two page queries (relevance: exact matches, then the rest). Never a query per row.
/// </summary>
public sealed class RegisterQueryCountTests(RegisterQueryCountTests.Data app) : IClassFixture<RegisterQueryCountTests.Data>
{
    public sealed class Data : TestServices
    {
        protected override async Task SeedAsync()
        {
            for (var i = 0; i < 12; i++)
            {
                await Run<PrisonerService, Core.Common.ServiceResult<Prisoner>>(s => s.CreateAsync(
                    new PrisonerInput { FamilyName = $"Kim{i}", GivenNames = "Chol", InitialAlias = $"Alias {i}", Nationality = "KP", DateOfCapture = "2025-01-01", DuplicatesChecked = true },
                    Officer, CancellationToken.None));
            }
        }
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("kim chol", "KP", false)]
    [InlineData("alias", null, true)]
    public async Task OnePage_IsOneQuery(string? search, string? nationality, bool secondPage)
    {
        var counter = new CommandCounter();
        await using var db = app.NewDbContext(counter);
        await using var scope = app.Scope();
        var service = ActivatorUtilities.CreateInstance<RegisterService>(scope.ServiceProvider, db);

        string? after = null;
        if (secondPage) after = (await service.ListAsync(new RegisterQuery { Search = search, PageSize = 5 }, CancellationToken.None)).NextCursor;
        counter.Commands.Clear();

        var page = await service.ListAsync(new RegisterQuery { Search = search, Nationality = nationality, Status = CustodyStatus.InCustody, PageSize = 5, After = after }, CancellationToken.None);

        Assert.Equal(5, page.Rows.Count);
        Assert.All(page.Rows, r => Assert.NotNull(r.FirstAlias)); // the alias column came with the same query
        var pageQueries = counter.Commands.Where(c => !ChoosesTheShape(c)).ToList();
        var counts = counter.Commands.Count - pageQueries.Count;
        if (search is null)
        {
            Assert.Single(counter.Commands);
        }
        else
        {
            Assert.InRange(pageQueries.Count, 1, 2);
            var words = SearchText.QueryWords(search).Count;
            // Each exact word and each matching condition (words and name keys) counted once, in one or two commands.
            Assert.InRange(counts, 1, 2 * ((2 * words) + Core.Names.NameKeys.ForQuery(search).Count));
        }
    }

    /// <summary>A capped count of a condition's entries: whether one lies past the cap (EF's Any: SELECT EXISTS), how many (COUNT).</summary>
    private static bool ChoosesTheShape(string sql) =>
        sql.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase) || sql.TrimStart().StartsWith("SELECT EXISTS", StringComparison.OrdinalIgnoreCase);
}
