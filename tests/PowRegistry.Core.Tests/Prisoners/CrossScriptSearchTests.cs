using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Prisoners;

/// <summary>
/// The register search sees through scripts and romanizations (issue 4): the same man entered as 리영철 (North),
/// 이영철 (South), Ri Yong Chol, Lee Young-chul or Ли Ён Чхоль is found by every other form; exact matches come first.
/// </summary>
public sealed class CrossScriptSearchTests(CrossScriptSearchTests.Data app) : IClassFixture<CrossScriptSearchTests.Data>
{
    public sealed class Data : TestServices
    {
        public Dictionary<string, int> Ids { get; } = [];

        protected override async Task SeedAsync()
        {
            foreach (var (family, given) in Forms)
            {
                var created = await Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(
                    new PrisonerInput { FamilyName = family, GivenNames = given, DuplicatesChecked = true }, Officer, CancellationToken.None));
                Ids[$"{family} {given}"] = created.Value!.Id;
            }
            // Someone else, who must not turn up: same given name, another family; same family, another given name.
            await Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput { FamilyName = "김", GivenNames = "영철", DuplicatesChecked = true }, Officer, CancellationToken.None));
            await Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput { FamilyName = "Ri", GivenNames = "Myong Ho", DuplicatesChecked = true }, Officer, CancellationToken.None));
        }
    }

    public static readonly (string Family, string Given)[] Forms =
    [
        ("리", "영철"),          // North Korean Hangul
        ("이", "영철"),          // South Korean Hangul (initial-sound rule)
        ("Ri", "Yong Chol"),     // North's romanization
        ("Lee", "Young-chul"),   // a family's / press spelling
        ("Ли", "Ён Чхоль"),      // Russian Cyrillic (Kontsevich)
    ];

    public static TheoryData<string, string> EveryFormFindsEveryOther()
    {
        var data = new TheoryData<string, string>();
        foreach (var stored in Forms)
        {
            foreach (var typed in Forms.Where(f => f != stored)) data.Add($"{stored.Family} {stored.Given}", $"{typed.Family} {typed.Given}");
        }
        data.Add("Ri Yong Chol", "Yi Yeong-cheol");
        data.Add("Ri Yong Chol", "Рі Йон Чхоль");
        data.Add("Ri Yong Chol", "yongchol ri");
        return data;
    }

    private async Task<int[]> Search(string q, RegisterSort sort = RegisterSort.Relevance) =>
        (await app.Run<RegisterService, RegisterPage>(s => s.ListAsync(new RegisterQuery { Search = q, Sort = sort, PageSize = 200 }, CancellationToken.None)))
        .Rows.Select(r => r.Id).ToArray();

    [Theory]
    [MemberData(nameof(EveryFormFindsEveryOther))]
    public async Task AStoredForm_IsFoundByAnotherForm(string stored, string typed) =>
        Assert.Contains(app.Ids[stored], await Search(typed));

    [Theory]
    [InlineData("리영철")]
    [InlineData("Ri Yong Chol")]
    [InlineData("Ли Ён Чхоль")]
    public async Task OtherMen_AreNotFound(string typed)
    {
        var found = await Search(typed);
        Assert.Equal(Forms.Length, found.Length); // not 김영철, not Ri Myong Ho
    }

    [Fact]
    public async Task ExactMatches_ComeFirst()
    {
        var found = await Search("Lee Young-chul");
        Assert.Equal(app.Ids["Lee Young-chul"], found[0]);
        found = await Search("Ли Ён Чхоль");
        Assert.Equal(app.Ids["Ли Ён Чхоль"], found[0]);
    }

    [Fact]
    public async Task RelevancePaging_VisitsEveryMatchOnce()
    {
        var all = await Search("ri yong chol");
        var seen = new List<int>();
        string? after = null;
        do
        {
            var page = await app.Run<RegisterService, RegisterPage>(s => s.ListAsync(new RegisterQuery { Search = "ri yong chol", Sort = RegisterSort.Relevance, PageSize = 2, After = after }, CancellationToken.None));
            seen.AddRange(page.Rows.Select(r => r.Id));
            after = page.NextCursor;
        }
        while (after is not null);
        Assert.Equal(all, seen);
    }

    [Fact]
    public async Task TheSameManInAnotherScript_IsAPossibleDuplicate()
    {
        var found = await app.Run<PossibleDuplicates, IReadOnlyList<DuplicateCandidate>>(d => d.FindAsync(
            new PrisonerInput { FamilyName = "Ли", GivenNames = "Ён Чхоль" }, null, CancellationToken.None));
        Assert.Contains(found, c => c.Id == app.Ids["리 영철"]);
        Assert.Contains(found, c => c.Id == app.Ids["Lee Young-chul"]);
        Assert.DoesNotContain(found, c => c.DisplayName == "김 영철");
    }
}
