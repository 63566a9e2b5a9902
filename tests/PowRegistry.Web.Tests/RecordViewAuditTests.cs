using System.Net;

using Microsoft.Data.Sqlite;
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

        await ExecuteAsync($"CREATE TRIGGER RefuseAccess{id} BEFORE INSERT ON AuditEntries WHEN NEW.Action = 'Access' AND NEW.PrisonerId = {id} BEGIN SELECT RAISE(ABORT, 'refused'); END;");
        try
        {
            var response = await admin.Client.GetAsync($"/Prisoners/{id}");
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("Unauditable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(1, await AccessEntriesAsync(id));
        }
        finally
        {
            await ExecuteAsync($"DROP TRIGGER RefuseAccess{id};");
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
