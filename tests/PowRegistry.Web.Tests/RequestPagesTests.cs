using System.Net;

using PowRegistry.Core.Accounts;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

public sealed class RequestPagesTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    private static Dictionary<string, string?> Fields(params (string Key, string? Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    private static async Task<string> RegisterWithWishAsync(Session officer, string name, (string Key, string? Value)[] wish)
    {
        var form = await officer.GetAsync("/Prisoners/Create");
        var details = await officer.ConfirmIfDuplicateWarningAsync(await officer.SubmitAsync(form, "Register", Fields(
            ("Family name", name), ("Nationality", "KP"), ("Detaining power", "UA"), ("Date of capture", "2025-01-05"))), "Register");
        var id = new Uri(details.Url).Segments[^1];
        var add = await officer.GetAsync($"/Prisoners/{id}/Wishes/Add");
        await officer.SubmitAsync(add, "Record statement", Fields(wish.Concat([("Date of interview", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("Interviewer", "ICRC delegate"), ("Organisation", "1")]).ToArray()));
        return id;
    }

    private static async Task<Session.Result> CreateRequestAsync(Session officer, string prisonerId, string state)
    {
        var create = await officer.GetAsync($"/Prisoners/{prisonerId}/Requests/Create");
        var wishValue = create.Document.QuerySelector("select[name='Form.WishId'] option[value]:not([value=''])")!.GetAttribute("value");
        return await officer.SubmitAsync(create, "Create request", Fields(("Destination state", state), ("Wish statement it rests on", wishValue)));
    }

    [Fact]
    public async Task ARequest_GoesFromDraftToCompleted_WithTheGateRefusingAnUnverifiedWish()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var id = await RegisterWithWishAsync(officer, "Korea", [("Stated destination", "2"), ("Named state", "KR"), ("Form.PrivateInterview", "true")]); // not verified yet
        var request = await CreateRequestAsync(officer, id, "KR");
        Assert.Contains("Request created as a draft.", request.Text, StringComparison.Ordinal);
        request = await officer.SubmitAsync(request, "Mark as Submitted");
        request = await officer.SubmitAsync(request, "Mark as Under consultation");
        Assert.Equal("Under consultation", request.Document.QuerySelector("#request-status")!.TextContent);
        Assert.Null(request.Document.QuerySelectorAll("button").FirstOrDefault(b => b.TextContent.Contains("Accepted", StringComparison.Ordinal))); // the answer is an administrator's

        using var admin = await app.LoginAsAdminAsync();
        var adminView = await admin.GetAsync(new Uri(request.Url).AbsolutePath);
        adminView = await admin.SubmitAsync(adminView, "Mark as Accepted by the receiving state");
        Assert.Equal("Accepted by the receiving state", adminView.Document.QuerySelector("#request-status")!.TextContent);

        var accepted = await officer.GetAsync(new Uri(request.Url).AbsolutePath);
        var refused = await officer.SubmitAsync(accepted, "Mark as Handover scheduled", Fields(("Handover date", DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Contains("His latest wish has not been verified by a neutral party.", refused.Text, StringComparison.Ordinal);
        Assert.Equal("Accepted by the receiving state", refused.Document.QuerySelector("#request-status")!.TextContent);
    }

    [Fact]
    public async Task TheStopsReason_SaysFearOfPersecution_OnlyToThoseWhoMaySeeIt()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var id = await RegisterWithWishAsync(officer, "Fearful", [("Stated destination", "4"), ("Form.FearsPersecution", "true")]);
        var request = await CreateRequestAsync(officer, id, "KP");
        Assert.Contains("his latest statement records fear of persecution.", request.Text, StringComparison.Ordinal);

        var auditorsDesk = (await app.AsSystemAsync<Core.Desks.DeskService, Core.Common.ServiceResult<Core.Desks.Desk>>(d => d.CreateAsync("Audit " + Guid.NewGuid().ToString("N")[..6], CancellationToken.None))).Value!.Id;
        using var auditor = await app.LoginAsNewUserAsync(Roles.Auditor, auditorsDesk); // reads every desk, his words on none
        var seen = await auditor.GetAsync(new Uri(request.Url).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, seen.Status);
        Assert.Contains("Non-refoulement stop: his latest wish is undecided.", seen.Text, StringComparison.Ordinal);
        Assert.Contains("records a reason that stops a return (restricted", seen.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("persecution", seen.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AReturnAgainstHisWish_ShowsTheStop_AndTwoAdministratorsLiftIt()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var id = await RegisterWithWishAsync(officer, "Stopped", [("Stated destination", "4")]); // undecided
        var request = await CreateRequestAsync(officer, id, "KP");
        Assert.Contains("Non-refoulement stop: his latest wish is undecided.", request.Text, StringComparison.Ordinal);
        var refused = await officer.SubmitAsync(request, "Mark as Submitted");
        Assert.Contains("Non-refoulement stop: his latest wish is undecided.", refused.Document.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        var url = new Uri(request.Url).AbsolutePath;

        using var first = await app.LoginAsAdminAsync();
        var page = await first.GetAsync(url);
        var signed = await first.SubmitAsync(page, "Sign off lifting the stop", Fields(("Your reason for lifting the stop", "He asked to go home in a private ICRC interview")));
        Assert.Contains("Your sign-off is recorded.", signed.Text, StringComparison.Ordinal);
        var twice = await first.SubmitAsync(signed, "Sign off lifting the stop", Fields(("Your reason for lifting the stop", "again")));
        Assert.Contains("A second, different administrator must sign off.", twice.Text, StringComparison.Ordinal);

        using var second = await app.LoginAsNewUserAsync(Roles.Administrator);
        page = await second.GetAsync(url);
        var lifted = await second.SubmitAsync(page, "Sign off lifting the stop", Fields(("Your reason for lifting the stop", "Read the interview record")));
        Assert.Contains("Lifted by two administrators", lifted.Text, StringComparison.Ordinal);
        Assert.Contains("Read the interview record", lifted.Text, StringComparison.Ordinal);
        var submitted = await officer.SubmitAsync(await officer.GetAsync(url), "Mark as Submitted");
        Assert.Equal("Submitted", submitted.Document.QuerySelector("#request-status")!.TextContent);
    }
}
