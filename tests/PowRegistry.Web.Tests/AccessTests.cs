using System.Net;

using PowRegistry.Core.Accounts;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

public sealed class AccessTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    public static TheoryData<string> ProtectedPages() => new()
    {
        "/", "/Prisoners", "/Prisoners?q=kim", "/Prisoners/Create", "/Prisoners/1", "/Prisoners/1/Edit",
        "/Prisoners/1/Aliases", "/Prisoners/1/Documents", "/Prisoners/1/Events/Add",
        "/Admin/Users", "/Admin/Users/Create", "/Admin/Users/Edit/some-id", "/Consultations", "/Consultations/Create", "/Consultations/1", "/Admin/Counterparts", "/Requests", "/Requests/1", "/Account/Logout", "/no-such-page",
    };

    [Theory]
    [MemberData(nameof(ProtectedPages))]
    public async Task EveryPage_ButLoginSetupAndHealth_SendsAnAnonymousUserToLogin(string url)
    {
        using var session = app.NewSession();
        var response = await session.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousPost_IsRefused_AndSavesNothing()
    {
        using var session = app.NewSession();
        using var content = new FormUrlEncodedContent([new("Form.FamilyName", "Anonymous")]);
        var response = await session.Client.PostAsync("/Prisoners/Create", content);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        using var admin = await app.LoginAsAdminAsync();
        Assert.DoesNotContain("Anonymous", (await admin.GetAsync("/Prisoners?q=anonymous")).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/health")]
    [InlineData("/Status/413")] // explains a refusal to whoever was refused; holds no data
    [InlineData("/Error")]
    public async Task LoginHealthAndTheRefusalPages_AreOpen(string url)
    {
        using var session = app.NewSession();
        var response = await session.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_ChecksTheDatabase()
    {
        using var session = app.NewSession();
        Assert.Equal("Healthy", await session.Client.GetStringAsync("/health"));
    }

    [Fact]
    public async Task Setup_IsClosed_OnceAUserExists()
    {
        using var session = app.NewSession();
        var response = await session.Client.GetAsync("/Setup");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Prisoners/Create")]
    [InlineData("/Admin/Users")]
    public async Task AnAuditor_CannotOpenPagesThatChangeThings(string url)
    {
        using var auditor = await app.LoginAsNewUserAsync(Roles.Auditor);
        var page = await auditor.GetAsync(url);
        Assert.Contains("/Account/AccessDenied", page.Url, StringComparison.Ordinal);
        Assert.Contains("Your role does not allow this", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACaseOfficer_CannotManageUsers()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var page = await officer.GetAsync("/Admin/Users");
        Assert.Contains("/Account/AccessDenied", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryToken_IsRefused()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        using var content = new FormUrlEncodedContent([new("Form.FamilyName", "NoToken")]);
        var response = await officer.Client.PostAsync("/Prisoners/Create", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AMissingRecord_Answers404_WithAReadablePage()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var page = await officer.GetAsync("/Prisoners/987654");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Not found", page.Text, StringComparison.Ordinal);
    }
}
