
using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Retention;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests.Retention;

/// <summary>
/// Issue 16 through the operator's commands on the built application: `retention --dry-run` lists, `--apply` anonymises;
/// the man is then found by none of his former names in any script; `verify-audit` exits 0 after, reporting redacted
/// entries, and 1 after a real tampering of a redacted entry.
/// </summary>
public sealed class RetentionCommandTests : IAsyncLifetime
{
    private readonly PowRegistryFactory _app = new();
    private int _due, _held;
    private string _dueReference = "", _heldReference = "";

    public async Task InitializeAsync()
    {
        (_due, _dueReference) = await ClosedLongAgoAsync("Ri", "Yong Chol", "KPA-1", ["리영철", "Ли Ён Чхоль"]);
        (_held, _heldReference) = await ClosedLongAgoAsync("Pak", "Nam Il", "KPA-2", []);
        var held = await _app.AsSystemAsync<RetentionService, ServiceResult<Prisoner>>(s => s.PlaceHoldAsync(_held, "Inquiry 7", Actor.System, CancellationToken.None));
        Assert.True(held.Succeeded);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(int Id, string Reference)> ClosedLongAgoAsync(string family, string given, string serviceNumber, string[] aliases)
    {
        var created = await _app.AsSystemAsync<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput
        {
            FamilyName = family,
            GivenNames = given,
            ServiceNumber = serviceNumber,
            Nationality = "KP",
            DateOfCapture = "2009-03-01",
            DuplicatesChecked = true,
        }, Actor.System, CancellationToken.None));
        var id = created.Value!.Id;
        foreach (var alias in aliases)
        {
            await _app.AsSystemAsync<PrisonerService, ServiceResult<PrisonerAlias>>(s => s.AddAliasAsync(id, new AliasInput { Name = alias }, Actor.System, CancellationToken.None));
        }
        var released = await _app.AsSystemAsync<PrisonerService, ServiceResult<CustodyEvent>>(s => s.AddCustodyEventAsync(id,
            new CustodyEventInput { Kind = CustodyEventKind.Released, Date = "2010-05-01", Place = "Sumy Oblast" }, Actor.System, CancellationToken.None));
        Assert.True(released.Succeeded);
        return (id, created.Value.Reference);
    }

    private async Task<int[]> SearchAsync(string q) =>
        (await _app.AsSystemAsync<RegisterService, RegisterPage>(s => s.ListAsync(new RegisterQuery { Search = q }, CancellationToken.None))).Rows.Select(r => r.Id).ToArray();

    [Fact]
    public async Task DryRunLists_ApplyAnonymises_TheFormerNamesFindNothing_AndTheTrailVerifies_UntilARedactedEntryIsTamperedWith()
    {
        var formerNames = new[] { "Ri Yong Chol", "Yi Yeong-cheol", "리영철", "이영철", "Ли Ён Чхоль", "Рі Йон Чхоль", "KPA-1" };
        foreach (var name in formerNames) Assert.Contains(_due, await SearchAsync(name));

        var (dry, dryOutput) = await AppProcess.RunAsync(AppProcess.EnvironmentFor(_app), "retention", "--dry-run");
        Assert.True(dry == 0, dryOutput);
        Assert.Contains($"{_dueReference}: closed (Released) on 2010-05-01, due on 2020-05-01 (10 years after closing): to be anonymised.", dryOutput, StringComparison.Ordinal);
        Assert.Contains($"{_heldReference}: closed (Released) on 2010-05-01, due on 2020-05-01; kept: on legal hold.", dryOutput, StringComparison.Ordinal);
        Assert.Contains("Dry run: 2 records due, 1 of them held. Nothing was changed.", dryOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Yong Chol", dryOutput, StringComparison.Ordinal);
        Assert.Contains(_due, await SearchAsync("Ri Yong Chol"));

        var (apply, applyOutput) = await AppProcess.RunAsync(AppProcess.EnvironmentFor(_app), "retention", "--apply");
        Assert.True(apply == 0, applyOutput);
        Assert.Contains("1 records anonymised, 1 kept on legal hold, 0 failed; 0 consultation documents removed; 0 access entries expired.", applyOutput, StringComparison.Ordinal);

        foreach (var name in formerNames) Assert.DoesNotContain(_due, await SearchAsync(name));
        Assert.Contains(_due, await SearchAsync(_dueReference));
        Assert.Contains(_held, await SearchAsync("Pak Nam Il"));

        var (verified, verifyOutput) = await AppProcess.RunAsync(AppProcess.EnvironmentFor(_app), "verify-audit");
        Assert.True(verified == 0, verifyOutput);
        Assert.Contains("redacted under retention", verifyOutput, StringComparison.Ordinal);

        var redacted = long.Parse((await TestDatabase.ScalarAsync(_app.ConnectionString,
            $"SELECT MIN(\"Id\") FROM \"AuditEntries\" WHERE \"Redaction\" IS NOT NULL AND \"PrisonerId\" = {_due};"))!, System.Globalization.CultureInfo.InvariantCulture);
        await TestDatabase.ExecuteAsync(_app.ConnectionString, TestDatabase.DropAuditTriggersSql + $" UPDATE \"AuditEntries\" SET \"UserId\" = 'nobody' WHERE \"Id\" = {redacted};");
        var (broken, brokenOutput) = await AppProcess.RunAsync(AppProcess.EnvironmentFor(_app), "verify-audit");
        Assert.Equal(1, broken);
        Assert.Contains($"Entry {redacted} has been altered", brokenOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_WithoutAMode_IsAUsageError()
    {
        var (code, output) = await AppProcess.RunAsync(AppProcess.EnvironmentFor(_app), "retention");
        Assert.Equal(2, code);
        Assert.Contains("Usage: retention --dry-run | --apply", output, StringComparison.Ordinal);
    }
}
