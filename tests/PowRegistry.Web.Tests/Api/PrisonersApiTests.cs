using System.Net;
using System.Text.Json.Nodes;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Desks;

namespace PowRegistry.Web.Tests.Api;

/// <summary>Prisoners over the API: the same rules, need-to-know and concurrency as the pages.</summary>
public sealed class PrisonersApiTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private static object NewPrisoner(string familyName) => new
    {
        familyName,
        familyNameSource = "stated",
        givenNames = "Yong Chol",
        rank = "Private",
        serviceNumber = "SN-" + Guid.NewGuid().ToString("N")[..8],
        dateOfBirth = "1999-04",
        placeOfBirth = "Hamhung",
        nationality = "KP",
        dateOfCapture = "2025-01-09",
        placeOfCapture = "Kursk region",
        detainingPower = "UA",
        healthStatus = "wounded",
        motherMaidenName = "Kim",
        duplicatesChecked = true,
    };

    [Fact]
    public async Task Create_Get_Update_WithETags_AndAStaleIfMatch_Is412()
    {
        using var client = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        var created = await client.PostJsonAsync("/api/v1/prisoners", NewPrisoner("Ri"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadJsonAsync();
        var reference = (string)body["reference"]!;
        Assert.Matches(@"^POW-\d{4}-\d{6}$", reference);
        Assert.Equal($"/api/v1/prisoners/{reference}", created.Headers.Location!.OriginalString);
        Assert.Equal("Ri", (string?)body["familyName"]);
        Assert.Equal("wounded", (string?)body["healthStatus"]);
        Assert.Equal("1999-04", (string?)body["dateOfBirth"]);
        Assert.Equal("KP", (string?)body["nationality"]);
        Assert.Equal("Kim", (string?)body["motherMaidenName"]);

        var get = await client.GetAsync($"/api/v1/prisoners/{reference.ToLowerInvariant()}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var etag = get.Headers.ETag!.ToString();
        Assert.Equal(created.Headers.ETag!.ToString(), etag);

        var changed = (await get.ReadJsonAsync()).AsObject();
        foreach (var readOnly in new[] { "reference", "version", "nextOfKinWithheld", "custodyStatus", "currentWish", "createdAt", "updatedAt" }) changed.Remove(readOnly);
        changed["rank"] = "Corporal";
        var put = await client.PutAsync($"/api/v1/prisoners/{reference}", changed, etag);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Corporal", (string?)(await put.ReadJsonAsync())["rank"]);
        var newEtag = put.Headers.ETag!.ToString();
        Assert.NotEqual(etag, newEtag);

        // Someone who read the first version now tries to save: refused, told what changed, given the current ETag.
        changed["rank"] = "Sergeant";
        var stale = await client.PutAsync($"/api/v1/prisoners/{reference}", changed, etag);
        var problem = await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(newEtag, stale.Headers.ETag!.ToString());
        Assert.NotNull(problem["errors"]!["rank"]);
        var now = await (await client.GetAsync($"/api/v1/prisoners/{reference}")).ReadJsonAsync();
        Assert.Equal("Corporal", (string?)now["rank"]);
    }

    [Fact]
    public async Task AnOfficersMoveToAnotherDesk_OrAnAliasOnAnEdit_IsRefusedWith400_NotIgnored()
    {
        var otherDesk = (await app.AsSystemAsync<DeskService, Core.Common.ServiceResult<Desk>>(d => d.CreateAsync("Move " + Guid.NewGuid().ToString("N")[..6], CancellationToken.None))).Value!.Id;
        using var client = app.Api(await app.TokenAsync(Roles.CaseOfficer, deskIds: Desk.DefaultDeskId));
        var reference = (string)(await (await client.PostJsonAsync("/api/v1/prisoners", NewPrisoner("Mover"))).ReadJsonAsync())["reference"]!;
        var get = await client.GetAsync($"/api/v1/prisoners/{reference}");
        var etag = get.Headers.ETag!.ToString();
        var changed = (await get.ReadJsonAsync()).AsObject();
        foreach (var readOnly in new[] { "reference", "version", "nextOfKinWithheld", "custodyStatus", "currentWish", "createdAt", "updatedAt" }) changed.Remove(readOnly);
        changed["deskId"] = otherDesk;
        changed["rank"] = "Corporal";

        var problem = await (await client.PutAsync($"/api/v1/prisoners/{reference}", changed, etag)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["deskId"]);

        // An alias sent with an edit is refused too (aliases have their own resource), not dropped while the edit succeeds.
        changed["deskId"] = Desk.DefaultDeskId;
        changed["initialAlias"] = "Kim Chol";
        problem = await (await client.PutAsync($"/api/v1/prisoners/{reference}", changed, etag)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["initialAlias"]);
        var now = await (await client.GetAsync($"/api/v1/prisoners/{reference}")).ReadJsonAsync();
        Assert.Equal(Desk.DefaultDeskId, (int)now["deskId"]!);
        Assert.NotEqual("Corporal", (string?)now["rank"]); // nothing of the refused change was saved
    }

    [Fact]
    public async Task Update_WithoutIfMatch_Is428_AndAnUnreadableIfMatch_Is412()
    {
        var prisoner = await app.PrisonerAsync();
        using var client = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        await (await client.PutAsync($"/api/v1/prisoners/{prisoner.Reference}", new { familyName = "NoIfMatch" }, ifMatch: null)).ProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await client.PutAsync($"/api/v1/prisoners/{prisoner.Reference}", new { familyName = "Garbled" }, "\"abc\"")).ProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await client.PutAsync($"/api/v1/prisoners/{prisoner.Reference}", new { familyName = "Stale" }, "\"999\"")).ProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task InvalidInput_Is400_WithErrorsKeyedByCamelCaseField()
    {
        using var client = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        var response = await client.PostJsonAsync("/api/v1/prisoners", new { familyName = "", givenNames = "", dateOfBirth = "31/02/1990", dateOfCapture = "2099-01-01", nationality = "XX" });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Contains("dateOfBirth", errors.Select(e => e.Key));
        Assert.Contains("nationality", errors.Select(e => e.Key));
        Assert.All(errors, e => Assert.True(e.Value is JsonArray { Count: > 0 }));
        Assert.DoesNotContain(errors, e => char.IsUpper(e.Key.FirstOrDefault()));
    }

    [Theory]
    [InlineData("{\"familyName\": ", "familyName")]
    [InlineData("not json at all", "")]
    [InlineData("{\"familyName\": \"Ok\", \"healthStatus\": \"dancing\"}", "healthStatus")]
    [InlineData("{\"familyName\": \"Ok\", \"healthStatus\": 3}", "healthStatus")]
    [InlineData("{\"familyName\": \"Ok\", \"interpreterNeeded\": \"maybe\"}", "interpreterNeeded")]
    [InlineData("{\"familyNmae\": \"Typo\"}", "familyNmae")]
    [InlineData("[1, 2, 3]", "")]
    [InlineData("null", "")]
    public async Task MalformedJson_Is400_NamingTheField_Never500(string body, string field)
    {
        using var client = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        var response = await client.PostAsync("/api/v1/prisoners", ApiHttp.RawJson(body));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Fact]
    public async Task ABodyThatIsNotJson_Is415()
    {
        using var client = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        using var form = new FormUrlEncodedContent([new("familyName", "Form")]);
        await (await client.PostAsync("/api/v1/prisoners", form)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task AnotherDesksPrisoner_Is404Everywhere_AndNeverListed()
    {
        var otherDesk = await app.NewDeskAsync("Elsewhere");
        var hidden = await app.PrisonerAsync(otherDesk, "Hiddenapi");
        using var client = app.Api(await app.TokenAsync(Roles.CaseOfficer, deskIds: Desk.DefaultDeskId));
        var url = $"/api/v1/prisoners/{hidden.Reference}";
        await (await client.GetAsync(url)).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync(url + "/aliases")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync(url + "/custody-events")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync(url + "/wishes")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PutAsync(url, new { familyName = "Hijacked" }, "\"1\"")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync(url + "/aliases", new { name = "Planted" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync(url + "/custody-events", new { kind = "transferred", date = "2025-02-01" })).ProblemAsync(HttpStatusCode.NotFound);

        foreach (var search in new[] { "", "Hiddenapi", hidden.Reference })
        {
            var list = await (await client.GetAsync("/api/v1/prisoners?pageSize=200&search=" + Uri.EscapeDataString(search))).ReadJsonAsync();
            Assert.DoesNotContain(list["items"]!.AsArray(), p => (string?)p!["reference"] == hidden.Reference);
        }

        // An officer of that desk (and an administrator) sees him.
        using var theirs = app.Api(await app.TokenAsync(Roles.CaseOfficer, deskIds: otherDesk));
        Assert.Equal(HttpStatusCode.OK, (await theirs.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task ACookieSentAlongWithAToken_DoesNotWidenWhatTheTokenSees()
    {
        var otherDesk = await app.NewDeskAsync("Cookie desk");
        var hidden = await app.PrisonerAsync(otherDesk);
        using var admin = await app.LoginAsAdminAsync();
        admin.Client.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync(Roles.CaseOfficer, deskIds: Desk.DefaultDeskId));
        await (await admin.Client.GetAsync($"/api/v1/prisoners/{hidden.Reference}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task NextOfKin_IsWithheld_FromAnAuditor_ButShownToTheDesk()
    {
        var desk = await app.NewDeskAsync("Kin");
        var prisoner = await app.PrisonerAsync(desk);
        using var auditor = app.Api(await app.TokenAsync(Roles.Auditor));
        var seen = await (await auditor.GetAsync($"/api/v1/prisoners/{prisoner.Reference}")).ReadJsonAsync();
        Assert.Null((string?)seen["motherMaidenName"]);
        Assert.True((bool)seen["nextOfKinWithheld"]!);

        using var officer = app.Api(await app.TokenAsync(Roles.CaseOfficer, deskIds: desk));
        var theirs = await (await officer.GetAsync($"/api/v1/prisoners/{prisoner.Reference}")).ReadJsonAsync();
        Assert.Equal("Kin Secret", (string?)theirs["motherMaidenName"]);
        Assert.False((bool)theirs["nextOfKinWithheld"]!);
    }

    [Fact]
    public async Task TheList_Searches_Filters_AndPagesWithCursors()
    {
        var desk = await app.NewDeskAsync("Paging");
        var references = new List<string>();
        for (var i = 0; i < 5; i++) references.Add((await app.PrisonerAsync(desk, "Pagename")).Reference);
        using var client = app.Api(await app.TokenAsync(Roles.CaseOfficer, deskIds: desk));

        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await (await client.GetAsync("/api/v1/prisoners?pageSize=2" + (after is null ? "" : "&after=" + after))).ReadJsonAsync();
            seen.AddRange(page["items"]!.AsArray().Select(p => (string)p!["reference"]!));
            after = (string?)page["next"];
        } while (after is not null);
        Assert.Equal(references, seen);

        var found = await (await client.GetAsync("/api/v1/prisoners?search=pagename&status=unknown")).ReadJsonAsync();
        Assert.Equal(5, found["items"]!.AsArray().Count);
        var none = await (await client.GetAsync("/api/v1/prisoners?status=deceased")).ReadJsonAsync();
        Assert.Empty(none["items"]!.AsArray());
    }

    [Fact]
    public async Task BadQueryValues_Are400_NamingTheParameter()
    {
        using var client = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        var problem = await (await client.GetAsync("/api/v1/prisoners?status=asleep&pageSize=1000&sort=2")).ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("status"));
        Assert.True(errors.ContainsKey("pageSize"));
        Assert.True(errors.ContainsKey("sort"));
    }

    [Theory]
    [InlineData("sort=name,dateOfCapture", "sort")]
    [InlineData("sort=+1", "sort")]
    [InlineData("status=%201", "status")]
    public async Task EnumValues_MustBeExactNames_NotCommaListsOrNumbers(string query, string field)
    {
        using var client = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        var problem = await (await client.GetAsync("/api/v1/prisoners?" + query)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task AnUnknownReference_OrAddress_Is404ProblemDetails()
    {
        using var client = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        await (await client.GetAsync("/api/v1/prisoners/POW-1900-000001")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/v1/nothing-here")).ProblemAsync(HttpStatusCode.NotFound);
        using var anonymous = app.Api(null);
        await (await anonymous.GetAsync("/api/v1/nothing-here")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PossibleDuplicates_AreRefused_UntilConfirmed()
    {
        using var client = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        var name = "Dupcheck" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/v1/prisoners", new { familyName = name, givenNames = "Same", dateOfBirth = "1990" })).StatusCode);
        var second = await client.PostJsonAsync("/api/v1/prisoners", new { familyName = name, givenNames = "Same", dateOfBirth = "1990" });
        var problem = await second.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("duplicatesChecked"));
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/v1/prisoners", new { familyName = name, givenNames = "Same", dateOfBirth = "1990", duplicatesChecked = true })).StatusCode);
    }

    [Fact]
    public async Task Aliases_AndCustodyEvents_AreListedAndAdded()
    {
        var prisoner = await app.PrisonerAsync();
        using var client = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        var url = $"/api/v1/prisoners/{prisoner.Reference}";

        var alias = await client.PostJsonAsync(url + "/aliases", new { name = "Ли Ён Чхоль", source = "documentCarried", confidence = "low" });
        Assert.Equal(HttpStatusCode.Created, alias.StatusCode);
        var aliases = (await (await client.GetAsync(url + "/aliases")).ReadJsonAsync()).AsArray();
        Assert.Equal("Ли Ён Чхоль", (string?)aliases.Single()!["name"]);
        Assert.Equal("documentCarried", (string?)aliases.Single()!["source"]);
        var badAlias = await (await client.PostJsonAsync(url + "/aliases", new { name = "" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badAlias["errors"]!.AsObject().ContainsKey("name"));

        var captured = await client.PostJsonAsync(url + "/custody-events", new { kind = "captured", date = "2025-01-09", place = "Kursk" });
        Assert.Equal(HttpStatusCode.Created, captured.StatusCode);
        var events = (await (await client.GetAsync(url + "/custody-events")).ReadJsonAsync()).AsArray();
        Assert.Equal("captured", (string?)events.Single()!["kind"]);
        Assert.Equal("inCustody", (string?)(await (await client.GetAsync(url)).ReadJsonAsync())["custodyStatus"]);
        var badEvent = await (await client.PostJsonAsync(url + "/custody-events", new { kind = "captured", date = "yesterday" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badEvent["errors"]!.AsObject().ContainsKey("date"));
    }
}
