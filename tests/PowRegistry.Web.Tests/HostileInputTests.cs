using System.Net;
using System.Text;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Data;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>
/// Every field of every form, one at a time, gets values no officer should type: the app answers with a page
/// (never a 500), renders nothing live, and saves either the whole record or nothing.
/// </summary>
public sealed class HostileInputTests(PowRegistryFactory app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<PowRegistryFactory>
{
    private const string Script = "<script>alert('x')</script>";

    public static readonly string[] Values =
    [
        new string('A', 10_000),
        "\u0000\u0001\u0002 NUL and controls \u001b[31m",
        "\ud800 lone surrogate",
        Script,
        "\"><img src=x onerror=alert(1)>",
        "' OR 1=1; DROP TABLE Prisoners; --",
        "-1",
        "99999999999999999999999",
        "abc",
        "2025-02-30",
        "",
        "‮RTL override",
        new string('한', 5000),
        "%00%0a",
        "{{7*7}}",
        "${jndi:ldap://127.0.0.1/a}",
        "../../../../etc/passwd",
        "2147483648",
        "1e309",
        "NaN",
        "true",
        "=cmd|' /C calc'!A0",
        "\r\n\r\nInjected: header",
        "𝒳😀 astral",
        "\u200b\u200b",
        "javascript:alert(1)",
        "<svg onload=alert(1)>",
        "\\",
        "null",
        "[]",
        "0000-00-00",
        "9999-12-31",
    ];

    public static TheoryData<string> FormPages() => new() { "/Prisoners/Create", "EDIT", "ALIASES", "DOCUMENTS", "EVENTS", "WISHES", "/Admin/Users/Create", "/Admin/Desks", "/Admin/Counterparts", "/Consultations/Create", "/Admin/Tokens", "/Exchange/Share", "CONSULTATION_EDIT" };

    [Theory]
    [MemberData(nameof(FormPages))]
    public async Task EveryFieldOfEveryForm_SurvivesHostileValues(string formPage)
    {
        using var admin = await app.LoginAsAdminAsync();
        var url = await ResolveAsync(admin, formPage);
        var page = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var fieldNames = page.Document.QuerySelectorAll("main form[method=post] [name]") // the page's own forms, not the bar's (language, log out)
            .Select(e => e.GetAttribute("name")!)
            .Where(n => n != "__RequestVerificationToken")
            .Distinct()
            .ToList();
        Assert.NotEmpty(fieldNames);

        var button = page.Document.QuerySelectorAll("main form[method=post] button[type=submit]")
            .Select(b => b.TextContent.Trim())
            .Last(t => t is not "Log out" and not "Remove");
        var prisonersBefore = await CountPrisonersAsync();
        var created = 0;

        // The form as the app serves it now. A refused post changes nothing, so the same form (and its antiforgery token,
        // good for the whole session) is posted again; after a post that saved (a new version of the record) it is fetched again.
        Session.Result? form = null;
        foreach (var field in fieldNames)
        {
            foreach (var value in Values)
            {
                form ??= await admin.GetAsync(url);
                var changesBefore = await CountChangesAsync();
                var result = await admin.SubmitAsync(form, button, new Dictionary<string, string?> { [field] = value });

                Assert.True(result.Status != HttpStatusCode.InternalServerError, $"{formPage} {field}={Describe(value)} gave 500");
                var accepted = result.Url != form.Url || result.Document.QuerySelector("[role=status]") is not null;
                if (!accepted)
                {
                    // Any save writes audit entries in its transaction: a refused form must have written none.
                    Assert.True(changesBefore == await CountChangesAsync(), $"{formPage} {field}={Describe(value)} was refused but saved something");
                }
                else
                {
                    form = null;
                }
                Assert.DoesNotContain(Script, result.Response.Content.Headers.ContentType?.MediaType == "text/html" ? result.Document.DocumentElement.OuterHtml : "", StringComparison.Ordinal);
                Assert.DoesNotContain("<img src=x onerror", result.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
                if (formPage == "/Prisoners/Create" && System.Text.RegularExpressions.Regex.IsMatch(result.Url, @"/Prisoners/\d+$")) created++;
            }
        }

        if (formPage == "/Prisoners/Create") Assert.Equal(prisonersBefore + created, await CountPrisonersAsync());
        output.WriteLine($"{formPage}: {fieldNames.Count} fields x {Values.Length} values = {fieldNames.Count * Values.Length} posts, no 500");
    }

    [Fact]
    public async Task InvalidUtf8_AndWrongTypes_GetAPage_NotAnError()
    {
        using var admin = await app.LoginAsAdminAsync();
        var page = await admin.GetAsync("/Prisoners/Create");
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var body = Encoding.ASCII.GetBytes($"__RequestVerificationToken={Uri.EscapeDataString(token!)}&Form.FamilyName=%FF%FE%C0%AF&Form.HealthStatus=banana&Form.InterpreterNeeded=maybe&Form.Version=9e99");
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        var response = await admin.Client.PostAsync("/Prisoners/Create", content);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task TheLoginForm_SurvivesHostileValues()
    {
        foreach (var field in new[] { "Email", "Password" })
        {
            foreach (var value in Values)
            {
                using var anonymous = app.NewSession();
                var login = await anonymous.GetAsync("/Account/Login");
                var result = await anonymous.SubmitAsync(login, "Log in", new Dictionary<string, string?> { [field] = value });
                Assert.True(result.Status is HttpStatusCode.OK or HttpStatusCode.TooManyRequests or HttpStatusCode.BadRequest, $"Login {field}={Describe(value)} gave {result.Status}");
                // A NUL cannot be decoded from a form (ASP.NET Core refuses %00), so the antiforgery check answers 400: with its explanation.
                if (result.Status == HttpStatusCode.BadRequest) Assert.Contains("The request could not be handled. Nothing was saved.", result.Text, StringComparison.Ordinal);
                Assert.DoesNotContain(Script, result.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
            }
        }
    }

    private Task<int> CountChangesAsync() =>
        app.AsSystemAsync<PowRegistryDbContext, int>(db => db.AuditEntries.CountAsync(e => e.Action != Core.Audit.AuditActions.Access));

    private async Task<int> CountPrisonersAsync()
    {
        return await app.AsSystemAsync<PowRegistryDbContext, int>(db => db.Prisoners.CountAsync());
    }

    private async Task<int> ConsultationAsync()
    {
        var counterpart = await app.AsSystemAsync<Core.Consultations.ConsultationService, Core.Common.ServiceResult<Core.Consultations.Counterpart>>(c =>
            c.AddCounterpartAsync("Hostile " + Guid.NewGuid().ToString("N")[..6], Core.Consultations.CounterpartKind.Other, null, CancellationToken.None));
        return (await app.AsSystemAsync<Core.Consultations.ConsultationService, Core.Common.ServiceResult<Core.Consultations.Consultation>>(c => c.CreateAsync(
            new Core.Consultations.ConsultationInput { Title = "Target", Channel = Core.Consultations.ConsultationChannel.Call, Date = "2025-06-01", CounterpartIds = [counterpart.Value!.Id], DeskId = Core.Desks.Desk.DefaultDeskId },
            Core.Common.Actor.System, CancellationToken.None))).Value!.Id;
    }

    /// <summary>The forms on a consultation's page (status, action item, document) posted with hostile values.</summary>
    [Fact]
    public async Task TheConsultationForms_SurviveHostileValues()
    {
        using var admin = await app.LoginAsAdminAsync();
        var url = $"/Consultations/{await ConsultationAsync()}";
        var posts = 0;
        foreach (var (handler, fields) in new (string, string[])[] { ("Status", ["status"]), ("Item", ["what", "owner", "due"]), ("Done", ["itemId"]), ("Document", ["document"]) })
        {
            foreach (var field in fields)
            {
                foreach (var value in Values)
                {
                    var page = await admin.GetAsync(url);
                    var changesBefore = await CountChangesAsync();
                    var result = await admin.PostRawAsync(page, $"{url}?handler={handler}", [new(field, value)]);
                    Assert.True(result.Status != HttpStatusCode.InternalServerError, $"{handler} {field}={Describe(value)} gave 500");
                    Assert.DoesNotContain(Script, result.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
                    if (handler != "Status" || result.Document.QuerySelector("[role=status]") is null) Assert.True(changesBefore == await CountChangesAsync(), $"{handler} {field}={Describe(value)} saved something");
                    posts++;
                }
            }
        }
        output.WriteLine($"{url}: {posts} posts, no 500");
    }

    /// <summary>Pages that need a prisoner get one registered first.</summary>
    private async Task<string> ResolveAsync(Session admin, string formPage)
    {
        if (formPage.StartsWith('/')) return formPage;
        if (formPage == "CONSULTATION_EDIT") return $"/Consultations/{await ConsultationAsync()}/Edit";
        var form = await admin.GetAsync("/Prisoners/Create");
        var details = await admin.ConfirmIfDuplicateWarningAsync(
            await admin.SubmitAsync(form, "Register", new Dictionary<string, string?> { ["Family name"] = "Target", ["Date of birth"] = "1990" }), "Register");
        var id = new Uri(details.Url).Segments[^1];
        return formPage switch
        {
            "EDIT" => $"/Prisoners/{id}/Edit",
            "ALIASES" => $"/Prisoners/{id}/Aliases",
            "DOCUMENTS" => $"/Prisoners/{id}/Documents",
            "WISHES" => $"/Prisoners/{id}/Wishes/Add",
            _ => $"/Prisoners/{id}/Events/Add",
        };
    }

    private static string Describe(string value) => value.Length > 40 ? $"({value.Length} chars)" : value;
}
