using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>
/// Empty pages that lead somewhere (issue 15): an officer on no desk is told why he sees nothing and whom to ask; the
/// users list marks him; a consultation form with no counterpart to name says where counterparts are added.
/// This class never adds a counterpart: its database has none.
/// </summary>
public sealed class EmptyStatesTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    private async Task<IReadOnlyList<string>> AdministratorsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        return await scope.ServiceProvider.GetRequiredService<UserAdminService>().AdministratorNamesAsync();
    }

    /// <summary>A user of the role, then taken off every desk (the factory puts new users on the main desk).</summary>
    private async Task<string> OnNoDeskAsync(string role)
    {
        var (id, email) = await app.CreateUserAsync(role);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        await scope.ServiceProvider.GetRequiredService<DeskService>().SetMembershipAsync(id, [], CancellationToken.None);
        return email;
    }

    [Fact]
    public async Task AnOfficerOnNoDesk_IsToldWhyHeSeesNothing_AndWhomToAsk_OnEveryPage()
    {
        var email = await OnNoDeskAsync(Roles.CaseOfficer);
        using var officer = await app.LoginAsync(email, PowRegistryFactory.OfficerPassword);
        var administrators = await AdministratorsAsync();
        Assert.NotEmpty(administrators);
        foreach (var path in new[] { "/Prisoners", "/Requests", "/Consultations", "/" })
        {
            var page = await officer.GetAsync(path);
            var notice = page.Document.QuerySelector("#no-desk");
            Assert.True(notice is not null, $"{path}: no word about his missing desk");
            Assert.All(administrators, name => Assert.Contains(name, notice!.TextContent, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(Roles.CaseOfficer)]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.Auditor)]
    public async Task NoOneElse_IsToldHeHasNoDesk(string role)
    {
        // The officer on a desk; the administrator and the auditor on none (they read every desk).
        var email = role == Roles.CaseOfficer ? (await app.CreateUserAsync(role)).Email : await OnNoDeskAsync(role);
        using var session = await app.LoginAsync(email, PowRegistryFactory.OfficerPassword);
        Assert.Null((await session.GetAsync("/Prisoners")).Document.QuerySelector("#no-desk"));
    }

    [Fact]
    public async Task TheUsersList_MarksOfficersOnNoDesk()
    {
        var without = await OnNoDeskAsync(Roles.CaseOfficer);
        var (_, with) = await app.CreateUserAsync(Roles.CaseOfficer);
        var auditor = await OnNoDeskAsync(Roles.Auditor);
        using var admin = await app.LoginAsAdminAsync();
        var list = await admin.GetAsync("/Admin/Users");
        bool Marked(string email) => list.Document.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal)).QuerySelector(".no-desk") is not null;
        Assert.True(Marked(without));
        Assert.False(Marked(with));
        Assert.False(Marked(auditor)); // an auditor reads every desk
    }

    [Fact]
    public async Task AConsultationWithNoCounterpartToName_SaysWhereTheyAreAdded()
    {
        using var admin = await app.LoginAsAdminAsync();
        var asAdmin = (await admin.GetAsync("/Consultations/Create")).Document.QuerySelector("#no-counterparts");
        Assert.NotNull(asAdmin);
        Assert.Equal("/Admin/Counterparts", asAdmin!.QuerySelector("a")?.GetAttribute("href"));

        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var asOfficer = (await officer.GetAsync("/Consultations/Create")).Document.QuerySelector("#no-counterparts");
        Assert.NotNull(asOfficer);
        Assert.Null(asOfficer!.QuerySelector("a")); // he cannot add one: he is told whom to ask
        Assert.Contains("administrator", asOfficer.TextContent, StringComparison.Ordinal);
    }
}
