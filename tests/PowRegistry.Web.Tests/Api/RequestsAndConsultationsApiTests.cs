using System.Net;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Api;
using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Core.Desks;

namespace PowRegistry.Web.Tests.Api;

/// <summary>Wishes, requests and consultations over the API, with the safeguards the pages enforce.</summary>
public sealed class RequestsAndConsultationsApiTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private string Today => DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> PrisonerAsync(HttpClient client)
    {
        var created = await client.PostJsonAsync("/api/v1/prisoners", new
        {
            familyName = "Req" + Guid.NewGuid().ToString("N")[..6],
            nationality = "KP",
            detainingPower = "UA",
            dateOfCapture = "2025-01-10",
            duplicatesChecked = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (string)(await created.ReadJsonAsync())["reference"]!;
    }

    private Task<int> PrisonersApiIdAsync(string reference) =>
        app.AsSystemAsync<Core.Data.PowRegistryDbContext, int>(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            System.Linq.Queryable.Select(System.Linq.Queryable.Where(db.Prisoners, p => p.Reference == reference), p => p.Id)));

    private async Task<int> WishAsync(HttpClient client, string reference, string destination, string? state = null)
    {
        var wish = await client.PostJsonAsync($"/api/v1/prisoners/{reference}/wishes", new
        {
            takenOn = Today,
            interviewer = "ICRC delegate",
            organisation = "icrc",
            privateInterview = true,
            destination,
            destinationState = state,
            certainty = 80,
            reasons = "Fears punishment at home",
            verification = "verifiedByNeutralParty",
        });
        Assert.Equal(HttpStatusCode.Created, wish.StatusCode);
        return (int)(await wish.ReadJsonAsync())["id"]!;
    }

    [Fact]
    public async Task Wishes_AreAppended_Listed_AndTheirWordsWithheldOutsideTheDesk()
    {
        using var officer = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        var reference = await PrisonerAsync(officer);
        await WishAsync(officer, reference, "undecided");
        await WishAsync(officer, reference, "transferToThirdState", "KR");

        var wishes = (await (await officer.GetAsync($"/api/v1/prisoners/{reference}/wishes")).ReadJsonAsync()).AsArray();
        Assert.Equal(["transferToThirdState", "undecided"], wishes.Select(w => (string)w!["destination"]!));
        Assert.Equal("Fears punishment at home", (string?)wishes[0]!["reasons"]);
        Assert.Equal("transferToThirdState", (string?)(await (await officer.GetAsync($"/api/v1/prisoners/{reference}")).ReadJsonAsync())["currentWish"]);

        var bad = await (await officer.PostJsonAsync($"/api/v1/prisoners/{reference}/wishes", new { takenOn = "2024-12-31", destination = "transferToThirdState" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(bad["errors"]!.AsObject().ContainsKey("interviewer"));
        Assert.True(bad["errors"]!.AsObject().ContainsKey("organisation"));
        Assert.True(bad["errors"]!.AsObject().ContainsKey("destinationState"));

        // An auditor reads that a statement exists, not what the man said.
        var desk = await app.NewDeskAsync("Wish desk");
        using var deskOfficer = app.Api(await app.TokenAsync(Roles.CaseOfficer, deskIds: desk));
        using var admin = app.Api(await app.TokenAsync(Roles.Administrator));
        var elsewhere = (string)(await (await admin.PostJsonAsync("/api/v1/prisoners", new { familyName = "Wishdesk", deskId = desk, duplicatesChecked = true })).ReadJsonAsync())["reference"]!;
        var withdrawn = await WishAsync(deskOfficer, elsewhere, "undecided");
        var elsewhereId = await PrisonersApiIdAsync(elsewhere);
        Assert.True((await app.AsSystemAsync<Core.Wishes.WishService, Core.Common.ServiceResult<Core.Wishes.WishDeclaration>>(w =>
            w.WithdrawAsync(elsewhereId, withdrawn, "He now says the camp commander told him what to say", Core.Common.Actor.System, CancellationToken.None))).Succeeded);
        using var auditor = app.Api(await app.TokenAsync(Roles.Auditor));
        var seen = (await (await auditor.GetAsync($"/api/v1/prisoners/{elsewhere}/wishes")).ReadJsonAsync()).AsArray().Single()!;
        Assert.Null((string?)seen["reasons"]);
        Assert.Null(seen["fearsPersecution"]);
        Assert.True((bool)seen["isWithdrawn"]!);
        Assert.Null((string?)seen["withdrawnReason"]);
        Assert.True((bool)seen["statementWithheld"]!);
        var theDesk = (await (await deskOfficer.GetAsync($"/api/v1/prisoners/{elsewhere}/wishes")).ReadJsonAsync()).AsArray().Single()!;
        Assert.Equal("He now says the camp commander told him what to say", (string?)theDesk["withdrawnReason"]);
        Assert.False((bool)theDesk["fearsPersecution"]!);
        await (await auditor.PostJsonAsync($"/api/v1/prisoners/{elsewhere}/wishes", new { takenOn = Today })).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ARequest_GoesThroughItsSteps_AndOnlyAnAdministratorRecordsTheAnswer()
    {
        using var officer = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        using var admin = app.Api(await app.TokenAsync(Roles.Administrator));
        var reference = await PrisonerAsync(officer);
        var wishId = await WishAsync(officer, reference, "transferToThirdState", "KR");

        var created = await officer.PostJsonAsync("/api/v1/requests", new { prisoner = reference, destinationState = "KR", wishId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (int)(await created.ReadJsonAsync())["id"]!;
        Assert.Equal($"/api/v1/requests/{id}", created.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, (await officer.PostJsonAsync($"/api/v1/requests/{id}/transitions", new { to = "submitted" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostJsonAsync($"/api/v1/requests/{id}/transitions", new { to = "underConsultation" })).StatusCode);
        await (await officer.PostJsonAsync($"/api/v1/requests/{id}/transitions", new { to = "accepted" })).ProblemAsync(HttpStatusCode.Forbidden);
        var accepted = await admin.PostJsonAsync($"/api/v1/requests/{id}/transitions", new { to = "accepted" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var body = await accepted.ReadJsonAsync();
        Assert.Equal("accepted", (string?)body["status"]);
        Assert.Equal(3, body["changes"]!.AsArray().Count - 1); // created as draft, then three steps

        var one = await (await officer.GetAsync($"/api/v1/requests/{id}")).ReadJsonAsync();
        Assert.Equal(reference, (string?)one["prisoner"]);
        Assert.Contains(one["nextSteps"]!.AsArray(), s => (string?)s == "handoverScheduled");
        var ofPrisoner = (await (await officer.GetAsync($"/api/v1/requests?prisoner={reference}")).ReadJsonAsync()).AsArray();
        Assert.Equal(id, (int)ofPrisoner.Single()!["id"]!);
        var open = (await (await officer.GetAsync("/api/v1/requests")).ReadJsonAsync()).AsArray();
        Assert.Contains(open, r => (int)r!["id"]! == id);

        // Not in the list of steps from here: refused with the reason, as a conflict with the request's state.
        var skip = await (await officer.PostJsonAsync($"/api/v1/requests/{id}/transitions", new { to = "completed" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.NotEmpty(skip["reasons"]!.AsArray());
    }

    [Fact]
    public async Task AReturnAgainstHisWish_IsRefusedWithTheReason_409_AndOnlyAdministratorsSignOffTheLift()
    {
        using var officer = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        var reference = await PrisonerAsync(officer);
        var wishId = await WishAsync(officer, reference, "undecided");
        var created = await officer.PostJsonAsync("/api/v1/requests", new { prisoner = reference, destinationState = "KP", wishId });
        var id = (int)(await created.ReadJsonAsync())["id"]!;
        Assert.True((bool)(await created.ReadJsonAsync())["isReturnToOrigin"]!);

        var refused = await (await officer.PostJsonAsync($"/api/v1/requests/{id}/transitions", new { to = "submitted" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(refused["reasons"]!.AsArray(), r => ((string)r!).Contains("non-refoulement", StringComparison.OrdinalIgnoreCase) || ((string)r!).Contains("wish", StringComparison.OrdinalIgnoreCase));
        var still = await (await officer.GetAsync($"/api/v1/requests/{id}")).ReadJsonAsync();
        Assert.Equal("draft", (string?)still["status"]);

        await (await officer.PostJsonAsync($"/api/v1/requests/{id}/lift-signoffs", new { reason = "Officer tries" })).ProblemAsync(HttpStatusCode.Forbidden);
        using var admin = app.Api(await app.TokenAsync(Roles.Administrator));
        var noReason = await (await admin.PostJsonAsync($"/api/v1/requests/{id}/lift-signoffs", new { reason = "" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(noReason["errors"]!.AsObject().ContainsKey("reason"));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"/api/v1/requests/{id}/lift-signoffs", new { reason = "Reviewed with UNHCR" })).StatusCode);
    }

    [Fact]
    public async Task Requests_BadInput_Is400_AndAnotherDesksRequest_Is404()
    {
        using var officer = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        var reference = await PrisonerAsync(officer);
        var bad = await (await officer.PostJsonAsync("/api/v1/requests", new { prisoner = reference, destinationState = "ZZ" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(bad["errors"]!.AsObject().ContainsKey("destinationState"));
        var noWish = await (await officer.PostJsonAsync("/api/v1/requests", new { prisoner = reference, destinationState = "KR" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(noWish["errors"]!.AsObject().ContainsKey("wishId"));
        await (await officer.PostJsonAsync("/api/v1/requests/1/transitions", new { to = "sideways" })).ProblemAsync(HttpStatusCode.BadRequest);

        var desk = await app.NewDeskAsync("Request desk");
        using var other = app.Api(await app.TokenAsync(Roles.CaseOfficer, deskIds: desk));
        var wishId = await WishAsync(officer, reference, "transferToThirdState", "KR");
        var id = (int)(await (await officer.PostJsonAsync("/api/v1/requests", new { prisoner = reference, destinationState = "KR", wishId })).ReadJsonAsync())["id"]!;
        await (await other.GetAsync($"/api/v1/requests/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostJsonAsync($"/api/v1/requests/{id}/transitions", new { to = "submitted" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/v1/requests?prisoner={reference}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await (await other.GetAsync("/api/v1/requests")).ReadJsonAsync()).AsArray(), r => (int)r!["id"]! == id);
        var prisonerProblem = await (await other.PostJsonAsync("/api/v1/requests", new { prisoner = reference, destinationState = "KR", wishId })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(prisonerProblem["errors"]!.AsObject().ContainsKey("prisoner"));
    }

    [Fact]
    public async Task Consultations_AreRecorded_Listed_Read_AndMoved()
    {
        var counterpart = await app.AsSystemAsync<ConsultationService, ServiceResult<Counterpart>>(s =>
            s.AddCounterpartAsync("Ministry " + Guid.NewGuid().ToString("N")[..6], CounterpartKind.Ministry, "KR", CancellationToken.None));
        using var officer = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        var reference = await PrisonerAsync(officer);

        var counterparts = (await (await officer.GetAsync("/api/v1/counterparts")).ReadJsonAsync()).AsArray();
        Assert.Contains(counterparts, c => (int)c!["id"]! == counterpart.Value!.Id);

        var created = await officer.PostJsonAsync("/api/v1/consultations", new
        {
            title = "Reception arrangements",
            channel = "meeting",
            date = "2025-06-01",
            counterpartIds = new[] { counterpart.Value!.Id },
            prisonerReferences = reference,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (int)(await created.ReadJsonAsync())["id"]!;
        Assert.Equal(reference, (string?)(await created.ReadJsonAsync())["prisoners"]![0]);

        Assert.Contains((await (await officer.GetAsync("/api/v1/consultations")).ReadJsonAsync()).AsArray(), c => (int)c!["id"]! == id);
        Assert.Contains((await (await officer.GetAsync("/api/v1/consultations?status=proposed")).ReadJsonAsync()).AsArray(), c => (int)c!["id"]! == id);
        Assert.DoesNotContain((await (await officer.GetAsync("/api/v1/consultations?status=held")).ReadJsonAsync()).AsArray(), c => (int)c!["id"]! == id);
        await (await officer.GetAsync("/api/v1/consultations?stalled=perhaps")).ProblemAsync(HttpStatusCode.BadRequest);
        var moved = await officer.PostJsonAsync($"/api/v1/consultations/{id}/status", new { status = "held" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var one = await (await officer.GetAsync($"/api/v1/consultations/{id}")).ReadJsonAsync();
        Assert.Equal("held", (string?)one["status"]);
        Assert.NotEmpty(one["changes"]!.AsArray());

        var bad = await (await officer.PostJsonAsync("/api/v1/consultations", new { title = "", channel = "meeting", date = "soon" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(bad["errors"]!.AsObject().ContainsKey("title"));
        Assert.True(bad["errors"]!.AsObject().ContainsKey("date"));
        Assert.True(bad["errors"]!.AsObject().ContainsKey("counterpartIds"));
        await (await officer.PostJsonAsync($"/api/v1/consultations/{id}/status", new { status = "asleep" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await officer.GetAsync("/api/v1/consultations/999999")).ProblemAsync(HttpStatusCode.NotFound);
        await (await officer.PostJsonAsync("/api/v1/consultations/999999/status", new { status = "held" })).ProblemAsync(HttpStatusCode.NotFound);

        using var reader = app.Api(await app.TokenAsync(Roles.CaseOfficer, ApiTokenScope.Read));
        await (await reader.PostJsonAsync($"/api/v1/consultations/{id}/status", new { status = "closed" })).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnotherDesksConsultation_IsNotFound_AndNotListed()
    {
        var counterpart = await app.AsSystemAsync<ConsultationService, ServiceResult<Counterpart>>(s =>
            s.AddCounterpartAsync("Agency " + Guid.NewGuid().ToString("N")[..6], CounterpartKind.Agency, "UA", CancellationToken.None));
        var otherDesk = (await app.AsSystemAsync<Core.Desks.DeskService, ServiceResult<Core.Desks.Desk>>(d => d.CreateAsync("Elsewhere " + Guid.NewGuid().ToString("N")[..6], CancellationToken.None))).Value!.Id;
        var hidden = (await app.AsSystemAsync<ConsultationService, ServiceResult<Consultation>>(s => s.CreateAsync(new ConsultationInput
        {
            Title = "Not for desk 1",
            Channel = ConsultationChannel.Call,
            Date = "2025-06-01",
            CounterpartIds = [counterpart.Value!.Id],
            DeskId = otherDesk,
        }, Actor.System, CancellationToken.None))).Value!;

        using var officer = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        await (await officer.GetAsync($"/api/v1/consultations/{hidden.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await officer.PostJsonAsync($"/api/v1/consultations/{hidden.Id}/status", new { status = "held" })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await (await officer.GetAsync("/api/v1/consultations")).ReadJsonAsync()).AsArray(), c => (int)c!["id"]! == hidden.Id);

        using var colleague = app.Api(await app.TokenAsync(Roles.CaseOfficer, ApiTokenScope.Read, otherDesk));
        Assert.Equal(otherDesk, (int)(await (await colleague.GetAsync($"/api/v1/consultations/{hidden.Id}")).ReadJsonAsync())["deskId"]!);
    }
}
