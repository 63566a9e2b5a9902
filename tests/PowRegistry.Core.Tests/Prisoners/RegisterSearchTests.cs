using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Prisoners;

/// <summary>Search word by word by the start of each word, in any order, case- and accent-insensitive; plus service number and reference.</summary>
public sealed class RegisterSearchTests(RegisterSearchTests.Data data) : IClassFixture<RegisterSearchTests.Data>
{
    private readonly Data _app = data;
    private Prisoner _ri => _app.Ri;
    private Prisoner _kim => _app.Kim;
    private Prisoner _alias => _app.Alias;
    private Prisoner _accent => _app.Accent;

    public sealed class Data : TestServices
    {
        public Prisoner Ri { get; private set; } = null!;
        public Prisoner Kim { get; private set; } = null!;
        public Prisoner Alias { get; private set; } = null!;
        public Prisoner Accent { get; private set; } = null!;

        protected override async Task SeedAsync()
        {
            Ri = await Create(new PrisonerInput { FamilyName = "Ri", GivenNames = "Yong-chol", ServiceNumber = "KPA-55-1201", Nationality = "KP" });
            Kim = await Create(new PrisonerInput { FamilyName = "Kim", GivenNames = "Chol Min", Nationality = "KP" });
            Alias = await Create(new PrisonerInput { FamilyName = "Pak", InitialAlias = "Sergei Ivanov" });
            Accent = await Create(new PrisonerInput { FamilyName = "Müller", GivenNames = "José" });
        }

        private async Task<Prisoner> Create(PrisonerInput input) =>
            (await Run<PrisonerService, Core.Common.ServiceResult<Prisoner>>(s => s.CreateAsync(input, Officer, CancellationToken.None))).Value!;
    }

    private async Task<int[]> Search(string q) =>
        (await _app.Run<RegisterService, RegisterPage>(s => s.ListAsync(new RegisterQuery { Search = q, PageSize = 200 }, CancellationToken.None)))
        .Rows.Select(r => r.Id).ToArray();

    [Theory]
    [InlineData("ri")]
    [InlineData("RI YONG")]
    [InlineData("yong ri")]
    [InlineData("yong-chol")]
    [InlineData("chol ri")]
    [InlineData("KPA-55-1201")]
    [InlineData("kpa-55")]
    public async Task FindsRi_ByWordStarts_InAnyOrder_AndByServiceNumber(string q) => Assert.Contains(_ri.Id, await Search(q));

    [Fact]
    public async Task EveryWordMustMatch() => Assert.DoesNotContain(_ri.Id, await Search("ri min"));

    [Fact]
    public async Task MatchesTheStartOfWords_NotTheMiddle() => Assert.DoesNotContain(_kim.Id, await Search("im"));

    [Fact]
    public async Task FindsByAlias() => Assert.Equal([_alias.Id], await Search("ivanov serg"));

    [Theory]
    [InlineData("muller jose")]
    [InlineData("MÜLLER")]
    [InlineData("josé")]
    public async Task IgnoresCaseAndAccents(string q) => Assert.Contains(_accent.Id, await Search(q));

    [Fact]
    public async Task FindsByReference() => Assert.Equal([_kim.Id], await Search(_kim.Reference));

    [Fact]
    public async Task EditingTheName_UpdatesWhatSearchFinds()
    {
        // Its own record, so the shared ones stay as the other tests expect.
        var created = (await _app.Run<PrisonerService, Core.Common.ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput { FamilyName = "Lindqvist", GivenNames = "Anders" }, TestServices.Officer, CancellationToken.None))).Value!;
        var form = (await _app.Run<PrisonerService, PrisonerInput?>(s => s.GetForEditAsync(created.Id, CancellationToken.None)))!;
        form.FamilyName = "Schmidt";
        await _app.Run<PrisonerService, Core.Common.ServiceResult<Prisoner>>(s => s.UpdateAsync(created.Id, form, TestServices.Officer, CancellationToken.None));

        Assert.DoesNotContain(created.Id, await Search("lindqvist"));
        Assert.Contains(created.Id, await Search("schmidt and"));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("' OR 1=1 --")]
    public async Task HostileQueries_AreWordsLikeAnyOther_AndMatchNothingHere(string q) => Assert.Empty(await Search(q));

    [Theory]
    [InlineData("\u0000")]
    [InlineData("_")]
    [InlineData("   ")]
    public async Task QueriesWithNoWordLeft_ListEverything(string q) => Assert.Contains(_kim.Id, await Search(q));
}
