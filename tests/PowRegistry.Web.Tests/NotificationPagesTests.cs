using System.Net;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>The notification queue, marking sent, and overdue notifications on the start page, over HTTP.</summary>
public sealed class NotificationPagesTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    private static Dictionary<string, string?> Fields(params (string Key, string? Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    /// <summary>Registers a prisoner captured long ago (his capture card is overdue); returns his id and reference.</summary>
    private static async Task<(string Id, string Reference)> RegisterAsync(Session officer, string name, string captured = "2025-01-05")
    {
        var form = await officer.GetAsync("/Prisoners/Create");
        var details = await officer.ConfirmIfDuplicateWarningAsync(await officer.SubmitAsync(form, "Register", Fields(
            ("Family name", name), ("Nationality", "KP"), ("Detaining power", "UA"), ("Date of capture", captured))), "Register");
        Assert.Equal(HttpStatusCode.OK, details.Status);
        return (new Uri(details.Url).Segments[^1], details.Document.QuerySelector("h1 .ref")!.TextContent);
    }

    private static string? SendLink(Session.Result queue, string reference) =>
        queue.Document.QuerySelectorAll("table.notifications tr").FirstOrDefault(r => r.TextContent.Contains(reference, StringComparison.Ordinal))
            ?.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent == "Mark sent")?.GetAttribute("href");

    [Fact]
    public async Task AnOverdueCaptureCard_IsOnTheStartPage_AndInTheQueue_WithFilters()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var (_, reference) = await RegisterAsync(officer, "Overduecard");

        var home = await officer.GetAsync("/");
        var item = Assert.Single(home.Document.QuerySelectorAll("ul.overdue-notifications li"), li => li.TextContent.Contains(reference, StringComparison.Ordinal));
        Assert.Contains("Overdue since 2025-01-12: Capture card", item.TextContent, StringComparison.Ordinal);

        var queue = await officer.GetAsync("/Notifications");
        var row = Assert.Single(queue.Document.QuerySelectorAll("table.notifications tbody tr"), r => r.TextContent.Contains(reference, StringComparison.Ordinal));
        Assert.Contains("Overdue", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Capture card", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(reference, (await officer.GetAsync("/Notifications?overdue=true&kind=CaptureCard")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, (await officer.GetAsync("/Notifications?kind=Transfer")).Text, StringComparison.Ordinal);

        var nonsense = await officer.GetAsync("/Notifications?kind=%3Cscript%3E&overdue=perhaps");
        Assert.Equal(HttpStatusCode.OK, nonsense.Status);
        Assert.Contains("Unknown kind of notification: showing every kind.", nonsense.Text, StringComparison.Ordinal);
        Assert.Contains(reference, nonsense.Text, StringComparison.Ordinal);

        var list = await officer.GetAsync("/Notifications?kind=CaptureCard,Transfer"); // not 1|2 = 3, Hospitalisation
        Assert.Contains("Unknown kind of notification: showing every kind.", list.Text, StringComparison.Ordinal);
        Assert.Contains(reference, list.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkingSent_ExplainsBadInput_ThenTakesItOffTheQueueAndTheStartPage()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var (id, reference) = await RegisterAsync(officer, "Sendcard");
        var send = await officer.GetAsync(SendLink(await officer.GetAsync("/Notifications"), reference)!);
        Assert.Equal("Capture card", send.Document.QuerySelector("#notification-kind")!.TextContent);

        var noChannel = await officer.SubmitAsync(send, "Mark sent", Fields(("Date sent", "2025-01-10")));
        Assert.Equal(HttpStatusCode.OK, noChannel.Status);
        Assert.Equal("Choose how it was sent.", noChannel.ErrorFor("Form.Channel"));
        var future = await officer.SubmitAsync(noChannel, "Mark sent", Fields(("Date sent", "2999-01-01"), ("Channel", "2")));
        Assert.Equal("The date sent cannot be in the future.", future.ErrorFor("Form.SentOn"));
        var beforeCapture = await officer.SubmitAsync(future, "Mark sent", Fields(("Date sent", "2025-01-01"), ("Channel", "2")));
        Assert.Equal("It cannot have been sent before the event it reports (2025-01-05).", beforeCapture.ErrorFor("Form.SentOn"));
        var badChannel = await officer.SubmitAsync(beforeCapture, "Mark sent", Fields(("Date sent", "2025-01-10"), ("Channel", "99")));
        Assert.Equal("Choose how it was sent from the list.", badChannel.ErrorFor("Form.Channel"));

        var done = await officer.SubmitAsync(badChannel, "Mark sent", Fields(("Date sent", "2025-01-10"), ("Channel", "2"), ("Reference (letter or message number)", "CTA/2025/7")));
        Assert.Contains("Notification marked sent.", done.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.DoesNotContain(reference, done.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, (await officer.GetAsync("/")).Text, StringComparison.Ordinal);
        var details = await officer.GetAsync($"/Prisoners/{id}");
        Assert.Contains("2025-01-10 — Email — CTA/2025/7", details.Document.QuerySelector("table.notifications")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordingIcrcNotified_OnTheTimeline_SatisfiesTheCaptureCard()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var (id, reference) = await RegisterAsync(officer, "Timelinecard");
        Assert.Contains(reference, (await officer.GetAsync("/Notifications")).Text, StringComparison.Ordinal);
        var add = await officer.GetAsync($"/Prisoners/{id}/Events/Add");
        await officer.SubmitAsync(add, "Add event", Fields(("Form.Kind", "3"), ("Form.Date", "2025-01-09")));
        Assert.DoesNotContain(reference, (await officer.GetAsync("/Notifications")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficerOfAnotherDesk_NeverSeesTheNotifications_AndAuditorsCannotMarkThemSent()
    {
        using var owner = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var (_, reference) = await RegisterAsync(owner, "Otherdeskcard");
        var link = SendLink(await owner.GetAsync("/Notifications"), reference)!;

        var deskB = await app.AsSystemAsync<DeskService, ServiceResult<Desk>>(d => d.CreateAsync("Notification desk " + Guid.NewGuid().ToString("N")[..6], CancellationToken.None));
        using var stranger = await app.LoginAsNewUserAsync(Roles.CaseOfficer, deskB.Value!.Id);
        var queue = await stranger.GetAsync("/Notifications");
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        Assert.DoesNotContain(reference, queue.Text, StringComparison.Ordinal);
        var home = await stranger.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.DoesNotContain(reference, home.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(link)).Status);

        using var auditor = await app.LoginAsNewUserAsync(Roles.Auditor);
        Assert.Contains(reference, (await auditor.GetAsync("/Notifications")).Text, StringComparison.Ordinal); // auditors read every desk
        Assert.Contains("/Account/AccessDenied", (await auditor.GetAsync(link)).Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "abc", "Form.SentOn", "Enter the date it was sent as YYYY-MM-DD.")]
    [InlineData("2025-02-30", "1", "Form.SentOn", "Enter the date it was sent as YYYY-MM-DD.")]
    [InlineData("2025-01-10", "abc", "Form.Channel", "Choose how it was sent.")]
    [InlineData("2025-01-10", "-1", "Form.Channel", "Choose how it was sent.")] // an undefined value does not bind
    [InlineData("2025-01-10", "99999999999999999999", "Form.Channel", "Choose how it was sent.")]
    public async Task HostileInput_OnTheSendForm_GetsAMessage_NeverAnError(string date, string channel, string field, string message)
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var (_, reference) = await RegisterAsync(officer, "Hostilecard");
        var link = SendLink(await officer.GetAsync("/Notifications"), reference)!;
        var send = await officer.GetAsync(link);

        var result = await officer.PostRawAsync(send, link, [new("Form.SentOn", date), new("Form.Channel", channel), new("Form.Reference", new string('r', 5000))]);
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(message, result.ErrorFor(field));
        Assert.Contains(reference, (await officer.GetAsync("/Notifications")).Text, StringComparison.Ordinal); // still open
    }

    [Theory]
    [InlineData("/Notifications/Send?id=99999999")]
    [InlineData("/Notifications/Send?id=abc")]
    [InlineData("/Notifications/Send?prisoner=-1")]
    [InlineData("/Notifications/Send")]
    public async Task ASendLinkToNothing_IsNotFound(string url)
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(url)).Status);
    }
}
