using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

using PowRegistry.Core.Accounts;

namespace PowRegistry.Web.Tests.Api;

/// <summary>
/// Issue 11 through the API, as another system would try it: nothing irreversible happens against his latest wish.
/// Every refusal is a 409 listing every reason; the prisoner's custody stays as it was.
/// </summary>
public sealed class HandoverSafeguardsApiTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private const string Frozen = "Flagged for review after a change of wish: nothing moves until an administrator has reviewed it.";

    private string Day(int offset) => DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<string> PrisonerAsync(HttpClient client, string? nationality = "KP")
    {
        var created = await client.PostJsonAsync("/api/v1/prisoners", new
        {
            familyName = "Handover" + Guid.NewGuid().ToString("N")[..6],
            nationality,
            detainingPower = "UA",
            dateOfCapture = "2025-01-10",
            duplicatesChecked = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (string)(await created.ReadJsonAsync())["reference"]!;
    }

    private async Task<int> WishAsync(HttpClient client, string reference, string destination, string? state = null, int on = 0)
    {
        var wish = await client.PostJsonAsync($"/api/v1/prisoners/{reference}/wishes", new
        {
            takenOn = Day(on),
            interviewer = "ICRC delegate",
            organisation = "icrc",
            privateInterview = true,
            destination,
            destinationState = state,
            verification = "verifiedByNeutralParty",
        });
        Assert.Equal(HttpStatusCode.Created, wish.StatusCode);
        return (int)(await wish.ReadJsonAsync())["id"]!;
    }

    private static async Task<int> RequestAsync(HttpClient client, string reference, string state, int wishId)
    {
        var created = await client.PostJsonAsync("/api/v1/requests", new { prisoner = reference, destinationState = state, wishId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (int)(await created.ReadJsonAsync())["id"]!;
    }

    private static async Task<JsonNode> MoveAsync(HttpClient client, int id, object body)
    {
        var moved = await client.PostJsonAsync($"/api/v1/requests/{id}/transitions", body);
        var text = await moved.Content.ReadAsStringAsync();
        Assert.True(moved.StatusCode == HttpStatusCode.OK, $"{(int)moved.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    private object Completion(int on = 0) => new { to = "completed", handoverDate = Day(on), handoverPlace = "Border crossing point 3", witnessOrganisation = "icrc", witnessName = "ICRC delegate" };

    private static async Task<string[]> ReasonsAsync(HttpResponseMessage response) =>
        (await response.ProblemAsync(HttpStatusCode.Conflict))["reasons"]!.AsArray().Select(r => (string)r!).ToArray();

    /// <summary>A transfer to the Republic of Korea on a fresh, private, verified statement, scheduled for handover.</summary>
    private async Task<(string Reference, int Id)> ScheduledForKoreaAsync(HttpClient officer, HttpClient admin, int wishOn = 0, int handoverIn = 0)
    {
        var reference = await PrisonerAsync(officer);
        var wishId = await WishAsync(officer, reference, "transferToThirdState", "KR", on: wishOn);
        var id = await RequestAsync(officer, reference, "KR", wishId);
        await MoveAsync(officer, id, new { to = "submitted" });
        await MoveAsync(officer, id, new { to = "underConsultation" });
        await MoveAsync(admin, id, new { to = "accepted" });
        await MoveAsync(officer, id, new { to = "handoverScheduled", handoverDate = Day(handoverIn) });
        return (reference, id);
    }

    [Fact]
    public async Task AChangeOfMindAfterScheduling_MakesCompleted409_AndLeavesHisCustodyUnchanged_UntilAnAdministratorWithdrawsIt()
    {
        using var officer = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        using var admin = app.Api(await app.TokenAsync(Roles.Administrator));
        var (reference, id) = await ScheduledForKoreaAsync(officer, admin);

        await WishAsync(officer, reference, "remainInDetainingState");
        var flagged = await (await officer.GetAsync($"/api/v1/requests/{id}")).ReadJsonAsync();
        Assert.True((bool)flagged["flaggedForReview"]!);

        var reasons = await ReasonsAsync(await officer.PostJsonAsync($"/api/v1/requests/{id}/transitions", Completion()));
        Assert.Equal([Frozen, "His latest wish does not name this destination."], reasons);
        var prisoner = await (await officer.GetAsync($"/api/v1/prisoners/{reference}")).ReadJsonAsync();
        Assert.Equal("inCustody", (string?)prisoner["custodyStatus"]);
        Assert.Equal("handoverScheduled", (string?)(await (await officer.GetAsync($"/api/v1/requests/{id}")).ReadJsonAsync())["status"]);

        // Only an administrator reviews; "continue" needs his latest statement to name Korea again.
        await (await officer.PostJsonAsync($"/api/v1/requests/{id}/reviews", new { decision = "withdraw", reason = "Officer tries" })).ProblemAsync(HttpStatusCode.Forbidden);
        var noContinue = await ReasonsAsync(await admin.PostJsonAsync($"/api/v1/requests/{id}/reviews", new { decision = "continue", reason = "Carry on" }));
        Assert.Equal(["His latest statement does not name this destination again: the request cannot continue; withdraw it."], noContinue);
        var noReason = await (await admin.PostJsonAsync($"/api/v1/requests/{id}/reviews", new { decision = "withdraw", reason = "" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(noReason["errors"]!.AsObject().ContainsKey("reason"));
        await (await admin.PostJsonAsync($"/api/v1/requests/{id}/reviews", new { decision = "sideways", reason = "x" })).ProblemAsync(HttpStatusCode.BadRequest);

        var withdrawn = await admin.PostJsonAsync($"/api/v1/requests/{id}/reviews", new { decision = "withdraw", reason = "He wants to remain" });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var body = await withdrawn.ReadJsonAsync();
        Assert.Equal("withdrawn", (string?)body["status"]);
        Assert.Equal("He wants to remain", (string?)body["reviews"]![0]!["reason"]);
        Assert.Equal("withdraw", (string?)body["reviews"]![0]!["decision"]);
        Assert.Equal("inCustody", (string?)(await (await officer.GetAsync($"/api/v1/prisoners/{reference}")).ReadJsonAsync())["custodyStatus"]);
    }

    [Fact]
    public async Task AStatementThatIsStaleOnTheDayOfTheHandover_MakesCompleted409()
    {
        using var officer = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        using var admin = app.Api(await app.TokenAsync(Roles.Administrator));
        // 29 days before the planned handover: scheduling passes.
        var (reference, id) = await ScheduledForKoreaAsync(officer, admin, wishOn: -29, handoverIn: 0);
        app.Time.Advance(TimeSpan.FromDays(2));

        // It took place two days late: his statement was then 31 days old.
        var reasons = await ReasonsAsync(await officer.PostJsonAsync($"/api/v1/requests/{id}/transitions", Completion(on: 0)));
        Assert.Equal(["His latest wish was taken more than 30 days before the handover: reconfirm it in a new interview."], reasons);
        Assert.Equal("inCustody", (string?)(await (await officer.GetAsync($"/api/v1/prisoners/{reference}")).ReadJsonAsync())["custodyStatus"]);

        // Had it taken place on the planned day, two days ago, his statement was 29 days old: measured against the
        // handover, not against today, it goes through, and the handover is recorded.
        var completed = await MoveAsync(officer, id, Completion(on: -2));
        Assert.Equal("completed", (string?)completed["status"]);
        Assert.Equal("Border crossing point 3", (string?)completed["handover"]!["place"]);
        Assert.Equal("icrc", (string?)completed["handover"]!["witnessOrganisation"]);
        Assert.Equal("ICRC delegate", (string?)completed["handover"]!["witnessName"]);
        Assert.Equal("transferredToThirdState", (string?)(await (await officer.GetAsync($"/api/v1/prisoners/{reference}")).ReadJsonAsync())["custodyStatus"]);
    }

    [Fact]
    public async Task Completing_WithoutPlaceOrWitness_Is400NamingEachField()
    {
        using var officer = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        using var admin = app.Api(await app.TokenAsync(Roles.Administrator));
        var (_, id) = await ScheduledForKoreaAsync(officer, admin);

        var problem = await (await officer.PostJsonAsync($"/api/v1/requests/{id}/transitions", new { to = "completed", handoverDate = Day(1), handoverPlace = new string('x', 300) }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        foreach (var field in new[] { "handoverDate", "handoverPlace", "witnessOrganisation", "witnessName" }) Assert.True(errors.ContainsKey(field), field);
    }

    [Fact]
    public async Task ANewStatementAfterTheLift_PutsTheStopBackInForce_UntilTwoAdministratorsSignOffAgain()
    {
        using var officer = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        var reference = await PrisonerAsync(officer);
        var wishId = await WishAsync(officer, reference, "undecided", on: -1);
        var id = await RequestAsync(officer, reference, "KP", wishId);

        async Task SignOffAsync()
        {
            using var admin = app.Api(await app.TokenAsync(Roles.Administrator));
            Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"/api/v1/requests/{id}/lift-signoffs", new { reason = "Reviewed the interview record" })).StatusCode);
        }

        await SignOffAsync();
        await SignOffAsync();
        var lifted = await (await officer.GetAsync($"/api/v1/requests/{id}")).ReadJsonAsync();
        Assert.True((bool)lifted["stopLifted"]!);
        Assert.Equal(wishId, (int)lifted["liftWishId"]!);

        await WishAsync(officer, reference, "undecided");
        Assert.False((bool)(await (await officer.GetAsync($"/api/v1/requests/{id}")).ReadJsonAsync())["stopLifted"]!);
        Assert.Equal(["Non-refoulement stop: his latest wish is undecided."], await ReasonsAsync(await officer.PostJsonAsync($"/api/v1/requests/{id}/transitions", new { to = "submitted" })));

        await SignOffAsync();
        Assert.Equal(["Non-refoulement stop: his latest wish is undecided."], await ReasonsAsync(await officer.PostJsonAsync($"/api/v1/requests/{id}/transitions", new { to = "submitted" })));
        await SignOffAsync();
        Assert.Equal("submitted", (string?)(await MoveAsync(officer, id, new { to = "submitted" }))["status"]);
    }

    [Fact]
    public async Task ANationalityCorrectedAfterDrafting_BringsTheStopIntoForce()
    {
        using var officer = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        var reference = await PrisonerAsync(officer, nationality: null);
        var wishId = await WishAsync(officer, reference, "transferToThirdState", "KP");
        var id = await RequestAsync(officer, reference, "KP", wishId);
        Assert.False((bool)(await (await officer.GetAsync($"/api/v1/requests/{id}")).ReadJsonAsync())["isReturnToOrigin"]!);
        await MoveAsync(officer, id, new { to = "submitted" });

        var get = await officer.GetAsync($"/api/v1/prisoners/{reference}");
        var record = (await get.ReadJsonAsync()).AsObject();
        foreach (var readOnly in new[] { "reference", "version", "nextOfKinWithheld", "custodyStatus", "currentWish", "createdAt", "updatedAt" }) record.Remove(readOnly);
        record["nationality"] = "KP";
        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsync($"/api/v1/prisoners/{reference}", record, get.Headers.ETag!.ToString())).StatusCode);

        Assert.True((bool)(await (await officer.GetAsync($"/api/v1/requests/{id}")).ReadJsonAsync())["isReturnToOrigin"]!);
        Assert.Equal(["Non-refoulement stop: his latest wish refuses return."], await ReasonsAsync(await officer.PostJsonAsync($"/api/v1/requests/{id}/transitions", new { to = "underConsultation" })));
    }

    [Fact]
    public async Task ATransferEnteredByHandAsACustodyEvent_IsRefusedWhileARequestIsOpen()
    {
        using var officer = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        using var admin = app.Api(await app.TokenAsync(Roles.Administrator));
        var (reference, _) = await ScheduledForKoreaAsync(officer, admin);

        var problem = await (await officer.PostJsonAsync($"/api/v1/prisoners/{reference}/custody-events", new { kind = "transferredToThirdState", date = Day(0), place = "Border" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("kind"));
        Assert.Equal("inCustody", (string?)(await (await officer.GetAsync($"/api/v1/prisoners/{reference}")).ReadJsonAsync())["custodyStatus"]);
    }
}
