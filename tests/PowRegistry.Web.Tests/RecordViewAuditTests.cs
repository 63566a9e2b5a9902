using System.Net;

using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>
/// Every view of a record page is in the audit chain before the page is sent (ADR-016): views share commits, but a
/// page whose access entry could not be written is not shown. Each test class gets its own database.
/// </summary>
public sealed class RecordViewAuditTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    private async Task<int> RegisterAsync(string familyName) =>
        (await app.AsSystemAsync<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(
            new PrisonerInput { FamilyName = familyName, DuplicatesChecked = true }, new Actor(CurrentUser.SystemUserId), CancellationToken.None))).Value!.Id;

    private Task<int> AccessEntriesAsync(int prisonerId) =>
        app.AsSystemAsync<PowRegistryDbContext, int>(db => db.AuditEntries.CountAsync(e => e.PrisonerId == prisonerId && e.Action == AuditActions.Access));

    /// <summary>
    /// More views at once than tests/run.sh's PostgreSQL pool holds (20): if each waiting request kept a connection, the
    /// record-view writer would find none left and every view would time out (DatabaseSetup.HoldsConnectionPerRequest).
    /// </summary>
    [Fact]
    public async Task ConcurrentViews_AreEachAudited_AndTheChainVerifies()
    {
        var id = await RegisterAsync("Watched");
        using var admin = await app.LoginAsAdminAsync();
        var pages = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => admin.Client.GetAsync($"/Prisoners/{id}")));
        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.StatusCode));
        Assert.Equal(24, await AccessEntriesAsync(id));
        Assert.True((await app.AsSystemAsync<PowRegistryDbContext, AuditVerification>(db => db.VerifyAuditAsync(CancellationToken.None))).Intact);
    }

    [Fact]
    public async Task ARecordWhoseViewCannotBeAudited_IsNotShown()
    {
        var id = await RegisterAsync("Unauditable");
        using var admin = await app.LoginAsAdminAsync();
        Assert.Contains("Unauditable", (await admin.GetAsync($"/Prisoners/{id}")).Text, StringComparison.Ordinal);

        await TestDatabase.ExecuteAsync(app.ConnectionString, TestDatabase.IsPostgreSql
            ? $$"""
              CREATE FUNCTION refuse_access_{{id}}() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN RAISE EXCEPTION 'refused'; END $body$;
              CREATE TRIGGER "RefuseAccess{{id}}" BEFORE INSERT ON "AuditEntries" FOR EACH ROW
                  WHEN (NEW."Action" = 'Access' AND NEW."PrisonerId" = {{id}}) EXECUTE FUNCTION refuse_access_{{id}}();
              """
            : $"CREATE TRIGGER RefuseAccess{id} BEFORE INSERT ON AuditEntries WHEN NEW.Action = 'Access' AND NEW.PrisonerId = {id} BEGIN SELECT RAISE(ABORT, 'refused'); END;");
        try
        {
            var response = await admin.Client.GetAsync($"/Prisoners/{id}");
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("Unauditable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(1, await AccessEntriesAsync(id));
        }
        finally
        {
            await TestDatabase.ExecuteAsync(app.ConnectionString, TestDatabase.IsPostgreSql ? $"DROP TRIGGER \"RefuseAccess{id}\" ON \"AuditEntries\";" : $"DROP TRIGGER RefuseAccess{id};");
        }
    }
}
