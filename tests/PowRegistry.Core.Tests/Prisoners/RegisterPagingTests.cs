using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Prisoners;

/// <summary>Keyset paging: walking forward then back through every sort visits every row exactly once, in order.</summary>
public sealed class RegisterPagingTests(RegisterPagingTests.Data app) : IClassFixture<RegisterPagingTests.Data>
{
    private const int Count = 23;

    public sealed class Data : TestServices
    {
        protected override async Task SeedAsync()
        {
            for (var i = 0; i < Count; i++)
            {
                // Duplicate names and capture dates on purpose: the id must break ties.
                var input = new PrisonerInput
                {
                    FamilyName = $"Name{i % 5}",
                    DateOfCapture = i % 4 == 0 ? null : $"2025-0{1 + (i % 3)}-1{i % 2}",
                    Nationality = i % 2 == 0 ? "KP" : "RU",
                    DuplicatesChecked = true, // namesakes on purpose
                };
                await Run<PrisonerService, Core.Common.ServiceResult<Prisoner>>(s => s.CreateAsync(input, Officer, CancellationToken.None));
            }
        }
    }

    private Task<RegisterPage> List(RegisterQuery q) => app.Run<RegisterService, RegisterPage>(s => s.ListAsync(q, CancellationToken.None));

    [Theory]
    [InlineData(RegisterSort.Reference, false)]
    [InlineData(RegisterSort.Reference, true)]
    [InlineData(RegisterSort.Name, false)]
    [InlineData(RegisterSort.Name, true)]
    [InlineData(RegisterSort.DateOfCapture, false)]
    [InlineData(RegisterSort.DateOfCapture, true)]
    public async Task ForwardAndBack_VisitEveryRowOnce_InSortOrder(RegisterSort sort, bool descending)
    {
        var all = await List(new RegisterQuery { Sort = sort, Descending = descending, PageSize = 200 });
        Assert.Equal(Count, all.Rows.Count);
        Assert.Null(all.NextCursor);
        Assert.Null(all.PreviousCursor);

        var pages = new List<RegisterPage>();
        var page = await List(new RegisterQuery { Sort = sort, Descending = descending, PageSize = 5 });
        Assert.Null(page.PreviousCursor);
        pages.Add(page);
        while (page.NextCursor is not null)
        {
            page = await List(new RegisterQuery { Sort = sort, Descending = descending, PageSize = 5, After = page.NextCursor });
            pages.Add(page);
        }
        Assert.Equal(5, pages.Count);
        Assert.Equal(all.Rows.Select(r => r.Id), pages.SelectMany(p => p.Rows).Select(r => r.Id));

        // Back from the last page reproduces the earlier pages exactly.
        for (var i = pages.Count - 1; i > 0; i--)
        {
            var previous = await List(new RegisterQuery { Sort = sort, Descending = descending, PageSize = 5, Before = pages[i].PreviousCursor });
            Assert.Equal(pages[i - 1].Rows.Select(r => r.Id), previous.Rows.Select(r => r.Id));
        }
    }

    [Fact]
    public async Task Filters_Combine_WithPaging()
    {
        var all = await List(new RegisterQuery { Nationality = "ru", PageSize = 200 });
        Assert.Equal(Count / 2, all.Rows.Count);
        Assert.All(all.Rows, r => Assert.Equal("RU", r.NationalityCode));
        var status = await List(new RegisterQuery { Status = CustodyStatus.Unknown, PageSize = 200 });
        Assert.All(status.Rows, r => Assert.Equal(CustodyStatus.Unknown, r.CustodyStatus));
        Assert.Equal(6, status.Rows.Count); // i % 4 == 0 have no capture date, hence no event
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("%%%")]
    [InlineData("MTIz")] // base64 of "123", no separator
    public async Task AMalformedCursor_ShowsTheFirstPage(string cursor)
    {
        var first = await List(new RegisterQuery { PageSize = 5 });
        var page = await List(new RegisterQuery { PageSize = 5, After = cursor });
        Assert.Equal(first.Rows.Select(r => r.Id), page.Rows.Select(r => r.Id));
    }
}
