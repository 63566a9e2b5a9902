using System.Net;

using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Data;
using PowRegistry.Core.Desks;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>
/// Input the server cannot read, or may not act on, is refused with a message: it is never dropped while the page
/// answers "saved" (the class of the ignored desk move). Each case would have shown success with the old code.
/// </summary>
public sealed class RefusedNotIgnoredTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    [Fact]
    public async Task AnUnreadableTwoFactorChoice_IsRefused_NotReadAsOptional()
    {
        using var admin = await app.LoginAsAdminAsync();
        var page = await admin.GetAsync("/Admin/Security");
        await admin.PostRawAsync(page, "/Admin/Security?handler=Require", [new("role", Roles.Auditor), new("required", "true")]);
        Assert.True(await RequiredAsync(Roles.Auditor));

        foreach (var value in new[] { null, "banana", "" })
        {
            var fields = new List<KeyValuePair<string, string>> { new("role", Roles.Auditor) };
            if (value is not null) fields.Add(new("required", value));
            var refused = await admin.PostRawAsync(page, "/Admin/Security?handler=Require", fields);
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains("Say whether two-factor sign-in is required or optional.", refused.Text, StringComparison.Ordinal);
            Assert.True(await RequiredAsync(Roles.Auditor), $"required={value ?? "(missing)"} turned the requirement off");
        }
    }

    [Fact]
    public async Task AnUnknownOrUnreadableDesk_RefusesTheMembershipChange_AndKeepsTheOldOne()
    {
        var (userId, _) = await app.CreateUserAsync(Roles.CaseOfficer); // on the main desk
        using var admin = await app.LoginAsAdminAsync();
        var edit = await admin.GetAsync($"/Admin/Users/Edit/{userId}");
        foreach (var deskIds in new[] { new[] { "999999" }, ["banana"], [Desk.DefaultDeskId.ToString(System.Globalization.CultureInfo.InvariantCulture), "999999"] })
        {
            var refused = await admin.PostRawAsync(edit, $"/Admin/Users/Edit/{userId}?handler=Desks", deskIds.Select(d => new KeyValuePair<string, string>("deskIds", d)));
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains("Choose desks from the list", refused.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Desks saved.", refused.Text, StringComparison.Ordinal);
            Assert.Equal([Desk.DefaultDeskId], await app.AsSystemAsync<DeskService, IReadOnlyList<int>>(d => d.DeskIdsOfAsync(userId, CancellationToken.None)));
        }
    }

    [Fact]
    public async Task AnUnreadableAuditDate_IsSaid_NotDroppedFromTheFilter()
    {
        using var admin = await app.LoginAsAdminAsync();
        var whole = await admin.GetAsync("/Admin/Audit");
        Assert.NotEmpty(whole.Document.QuerySelectorAll("table tbody tr"));
        foreach (var query in new[] { "from=yesterday", "to=2025-02-30", "before=abc" })
        {
            var refused = await admin.GetAsync("/Admin/Audit?" + query);
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains("could not be read", refused.Text, StringComparison.Ordinal);
            Assert.Empty(refused.Document.QuerySelectorAll("table tbody tr")); // not the whole trail in place of the filtered one
        }
    }

    private Task<bool> RequiredAsync(string role) =>
        app.AsSystemAsync<PowRegistryDbContext, bool>(db => db.RoleClaims.AnyAsync(c => c.ClaimType == TwoFactorService.RequiredClaimType && c.ClaimValue == "true" && db.Roles.Any(r => r.Id == c.RoleId && r.Name == role)));
}
