using PowRegistry.Core.Accounts;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

public sealed class WishPagesTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    private static Dictionary<string, string?> Fields(params (string Key, string? Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    [Fact]
    public async Task AnOfficer_RecordsStatements_SeesTheTimelineAndCurrentWish_AndWithdrawsAMistake()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var form = await officer.GetAsync("/Prisoners/Create");
        var details = await officer.ConfirmIfDuplicateWarningAsync(
            await officer.SubmitAsync(form, "Register", Fields(("Family name", "Wishful"), ("Given names", "Chol"), ("Date of capture", "2025-01-05"))), "Register");
        var id = new Uri(details.Url).Segments[^1];
        Assert.Contains("No statement of his wishes is recorded.", details.Text, StringComparison.Ordinal);

        var add = await officer.GetAsync($"/Prisoners/{id}/Wishes/Add");
        var refused = await officer.SubmitAsync(add, "Record statement", Fields(
            ("Date of interview", "2025-02-01"), ("Interviewer", "A. Delegate"), ("Organisation", "1"), ("Stated destination", "2"), ("Named state", "")));
        Assert.Contains("Name the state he wants to go to.", refused.ErrorFor("Form.DestinationState"), StringComparison.Ordinal);

        var undecided = await officer.SubmitAsync(refused, "Record statement", Fields(
            ("Date of interview", "2025-02-01"), ("Interviewer", "A. Delegate"), ("Organisation", "1"), ("Stated destination", "4"), ("Certainty (%)", "40"),
            ("His words (verbatim)", "아직 모르겠어요")));
        Assert.Contains("Wish statement recorded.", undecided.Text, StringComparison.Ordinal);

        add = await officer.GetAsync($"/Prisoners/{id}/Wishes/Add");
        var korea = await officer.SubmitAsync(add, "Record statement", Fields(
            ("Date of interview", "2025-03-01"), ("Interviewer", "B. Delegate"), ("Organisation", "1"), ("Stated destination", "2"), ("Named state", "KR"),
            ("Certainty (%)", "80"), ("Form.PrivateInterview", "true"), ("Verification", "1")));
        var current = korea.Document.QuerySelector(".current-wish")!.TextContent;
        Assert.Contains("Transfer to a named state — South Korea", current, StringComparison.Ordinal);
        Assert.Contains("80 %", current, StringComparison.Ordinal);
        Assert.Contains("Verified by a neutral party", current, StringComparison.Ordinal);
        Assert.Contains("in a private interview", current, StringComparison.Ordinal);
        var rows = korea.Document.QuerySelectorAll("table.wishes tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("South Korea", rows[0], StringComparison.Ordinal);   // newest first
        Assert.Contains("아직 모르겠어요", rows[1], StringComparison.Ordinal); // his words, for his desk

        var withdrawLink = korea.Document.QuerySelectorAll("table.wishes tbody tr")[0].QuerySelector("a")!.GetAttribute("href")!;
        var withdraw = await officer.GetAsync(withdrawLink);
        var noReason = await officer.SubmitAsync(withdraw, "Withdraw statement");
        Assert.Contains("Say why this statement is withdrawn", noReason.Text, StringComparison.Ordinal);
        var withdrawn = await officer.SubmitAsync(noReason, "Withdraw statement", Fields(("Reason", "Recorded on the wrong prisoner")));
        Assert.Contains("Statement withdrawn.", withdrawn.Text, StringComparison.Ordinal);
        Assert.Contains("Current wish: Undecided", withdrawn.Document.QuerySelector(".current-wish")!.TextContent.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        var first = withdrawn.Document.QuerySelectorAll("table.wishes tbody tr")[0];
        Assert.Equal("withdrawn", first.GetAttribute("class"));
        Assert.Contains("Recorded on the wrong prisoner", first.TextContent, StringComparison.Ordinal);

        var register = await officer.GetAsync("/Prisoners?wish=4&q=wishful");
        Assert.Contains("Undecided", register.Document.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        var none = await officer.GetAsync("/Prisoners?wish=2&q=wishful");
        Assert.True(none.Document.QuerySelectorAll("tbody tr").Length == 0, none.Document.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task AnAuditor_SeesTheWishes_ButNotHisWords_AndCannotRecord()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var form = await officer.GetAsync("/Prisoners/Create");
        var details = await officer.ConfirmIfDuplicateWarningAsync(await officer.SubmitAsync(form, "Register", Fields(("Family name", "Guardedwords"))), "Register");
        var id = new Uri(details.Url).Segments[^1];
        var add = await officer.GetAsync($"/Prisoners/{id}/Wishes/Add");
        await officer.SubmitAsync(add, "Record statement", Fields(
            ("Date of interview", "2025-03-01"), ("Interviewer", "C. Delegate"), ("Organisation", "2"), ("Stated destination", "1"), ("Reasons given", "Misses his mother")));

        using var auditor = await app.LoginAsNewUserAsync(Roles.Auditor, 999); // a desk he is not on
        var page = await auditor.GetAsync($"/Prisoners/{id}");
        Assert.Contains("Return to country of origin", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Misses his mother", page.Text, StringComparison.Ordinal);
        Assert.Contains("/Account/AccessDenied", (await auditor.GetAsync($"/Prisoners/{id}/Wishes/Add")).Url, StringComparison.Ordinal);
    }
}
