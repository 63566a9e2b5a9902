using System.Globalization;

using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Requests;
using PowRegistry.Core.Wishes;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>Every safeguard's refusal, as an administrator sees it on the request page (arranged through the services).</summary>
public sealed class RequestRefusalPagesTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    private static string Day(int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TheoryData<string, string, string> Cases() => new()
    {
        // case, button to press, message expected on the page
        { "other destination", "Mark as Submitted", "His latest wish does not name this destination." }, // every forward move checks it
        { "not private", "Mark as Handover scheduled", "His latest wish was not taken in a private interview." },
        { "unverified", "Mark as Handover scheduled", "His latest wish has not been verified by a neutral party." },
        { "too old", "Mark as Handover scheduled", "His latest wish was taken more than 30 days before the handover: reconfirm it in a new interview." },
        { "no date", "Mark as Handover scheduled", "Enter the date of the handover." },
        { "refuses return", "Mark as Submitted", "Non-refoulement stop: his latest wish refuses return." },
        { "undecided", "Mark as Submitted", "Non-refoulement stop: his latest wish is undecided." },
        { "fear", "Mark as Submitted", "Non-refoulement stop: his latest statement records fear of persecution." },
        { "art 109", "Mark as Submitted", "GC III Art. 109(3): he is seriously sick or wounded and hostilities are ongoing; he is not repatriated against his latest wish." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachRefusal_IsShownOnThePage_AndTheStatusStays(string @case, string button, string message)
    {
        var returnCase = @case is "refuses return" or "undecided" or "fear" or "art 109";
        var prisoner = (await app.AsSystemAsync<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput
        {
            FamilyName = "Refusal" + Guid.NewGuid().ToString("N")[..6],
            Nationality = "KP",
            DetainingPower = "UA",
            DateOfCapture = Day(-90),
            DeskId = Desk.DefaultDeskId,
            HealthStatus = @case == "art 109" ? HealthStatus.SeriouslySickOrWounded : HealthStatus.Good,
            DuplicatesChecked = true,
        }, Actor.System, CancellationToken.None))).Value!;
        var wish = (await app.AsSystemAsync<WishService, ServiceResult<WishDeclaration>>(w => w.RecordAsync(prisoner.Id, new WishInput
        {
            TakenOn = @case == "too old" ? Day(-40) : Day(-3),
            Interviewer = "ICRC delegate",
            Organisation = InterviewerOrganisation.Icrc,
            PrivateInterview = @case != "not private",
            Verification = @case == "unverified" ? WishVerification.Unverified : WishVerification.VerifiedByNeutralParty,
            Destination = @case switch
            {
                "undecided" or "art 109" => WishDestination.Undecided,
                "fear" => WishDestination.ReturnToOrigin,
                _ => WishDestination.TransferToThirdState,
            },
            DestinationState = @case is "undecided" or "art 109" or "fear" ? null : "KR",
            FearsPersecution = @case == "fear",
        }, Actor.System, CancellationToken.None))).Value!;
        var destination = returnCase ? "KP" : @case == "other destination" ? "JP" : "KR";
        var request = (await app.AsSystemAsync<RequestService, ServiceResult<TransferRequest>>(r => r.CreateAsync(prisoner.Id, new RequestInput { DestinationState = destination, WishId = wish.Id }, new Actor("author"), CancellationToken.None))).Value!;
        if (@case == "art 109")
        {
            foreach (var admin in new[] { "admin-one", "admin-two" })
            {
                await app.AsSystemAsync<RequestService, ServiceResult<TransferRequest>>(r => r.SignOffLiftAsync(request.Id, "lifted for the test", new Actor(admin), CancellationToken.None));
            }
        }
        if (!returnCase && @case != "other destination")
        {
            foreach (var step in new[] { RequestStatus.Submitted, RequestStatus.UnderConsultation, RequestStatus.Accepted })
            {
                Assert.True((await app.AsSystemAsync<RequestService, ServiceResult<TransferRequest>>(r => r.MoveAsync(request.Id, step, null, null, Actor.System, CancellationToken.None))).Succeeded);
            }
        }

        using var session = await app.LoginAsAdminAsync();
        var page = await session.GetAsync($"/Requests/{request.Id}");
        var status = page.Document.QuerySelector("#request-status")!.TextContent;
        var values = button == "Mark as Handover scheduled" && @case != "no date" ? new Dictionary<string, string?> { ["Handover date"] = Day(5) } : null;
        var refused = await session.SubmitAsync(page, button, values);

        Assert.Contains(message, refused.Document.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(status, refused.Document.QuerySelector("#request-status")!.TextContent);
    }

    /// <summary>The service refuses the receiving state's answer from a case officer as Forbidden (the API's 403); the page says so in words, as it always has.</summary>
    [Fact]
    public async Task ACaseOfficer_RecordingTheReceivingStatesAnswer_IsToldWhy_NotShownAnErrorPage()
    {
        var (_, requestId) = await app.DraftRequestToKoreaAsync("Answer" + Guid.NewGuid().ToString("N")[..6], capturedDaysAgo: 90);
        foreach (var step in new[] { RequestStatus.Submitted, RequestStatus.UnderConsultation })
        {
            Assert.True((await app.AsSystemAsync<RequestService, ServiceResult<TransferRequest>>(r => r.MoveAsync(requestId, step, null, null, Actor.System, CancellationToken.None))).Succeeded);
        }

        using var officer = await app.LoginAsNewUserAsync(Core.Accounts.Roles.CaseOfficer);
        var page = await officer.GetAsync($"/Requests/{requestId}");
        var status = page.Document.QuerySelector("#request-status")!.TextContent;
        var refused = await officer.PostRawAsync(page, $"/Requests/{requestId}?handler=Move", [new("to", ((int)RequestStatus.Accepted).ToString(CultureInfo.InvariantCulture))]);

        Assert.Equal(System.Net.HttpStatusCode.OK, refused.Status);
        Assert.Contains("Only an administrator records the receiving state's answer.", refused.Document.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(status, refused.Document.QuerySelector("#request-status")!.TextContent);
    }
}
