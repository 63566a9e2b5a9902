using System.Net;


using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>Need-to-know across desks, and the audit trail, as users and operators meet them.</summary>
public sealed class TrustTests(TrustTests.App app) : IClassFixture<TrustTests.App>
{
    /// <summary>Desk B with one prisoner; desk-A (main desk) officers must never see him.</summary>
    public sealed class App : PowRegistryFactory
    {
        private int? _otherDeskPrisoner;

        public async Task<(int Id, string Reference)> OtherDeskPrisonerAsync()
        {
            if (_otherDeskPrisoner is null)
            {
                var desk = await AsSystemAsync<DeskService, ServiceResult<Desk>>(d => d.CreateAsync("Kyiv Embassy", CancellationToken.None));
                var created = await AsSystemAsync<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(
                    new PrisonerInput { FamilyName = "Hidden", GivenNames = "Elsewhere", DeskId = desk.Value!.Id, MotherMaidenName = "Kinname Secret" }, Actor.System, CancellationToken.None));
                _otherDeskPrisoner = created.Value!.Id;
            }
            var reference = await AsSystemAsync<PrisonerService, Prisoner?>(s => s.GetAsync(_otherDeskPrisoner.Value, CancellationToken.None));
            return (_otherDeskPrisoner.Value, reference!.Reference);
        }
    }

    [Fact]
    public async Task AnOfficersForgedDeskMove_IsRefusedWithAMessage_AndNothingIsSaved()
    {
        var (otherDeskPrisoner, _) = await app.OtherDeskPrisonerAsync();
        var otherDesk = (await app.AsSystemAsync<PrisonerService, Prisoner?>(s => s.GetAsync(otherDeskPrisoner, CancellationToken.None)))!.DeskId;
        var mine = (await app.AsSystemAsync<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(
            new PrisonerInput { FamilyName = "Staysput", DeskId = Desk.DefaultDeskId }, Actor.System, CancellationToken.None))).Value!;
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var edit = await officer.GetAsync($"/Prisoners/{mine.Id}/Edit");
        Assert.Null(edit.Document.QuerySelector("select[name='Form.DeskId']")); // officers are offered no move

        // The form as he was given it, plus a desk field he was not given (added to the page, as a forger would).
        var form = edit.Document.QuerySelector("main form[method=post]")!;
        var desk = edit.Document.CreateElement("input");
        desk.SetAttribute("type", "hidden");
        desk.SetAttribute("name", "Form.DeskId");
        desk.SetAttribute("value", otherDesk.ToString(System.Globalization.CultureInfo.InvariantCulture));
        form.AppendChild(desk);
        var refused = await officer.SubmitAsync(edit, "Save", new Dictionary<string, string?> { ["Form.FamilyName"] = "Renamedbymove" });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("/Edit", refused.Url, StringComparison.Ordinal);
        Assert.Contains("Only an administrator can move a record to another desk.", refused.Text, StringComparison.Ordinal);
        var after = (await app.AsSystemAsync<PrisonerService, Prisoner?>(s => s.GetAsync(mine.Id, CancellationToken.None)))!;
        Assert.Equal(Desk.DefaultDeskId, after.DeskId);
        Assert.Equal("Staysput", after.FamilyName);
    }

    [Fact]
    public async Task AnOfficerOfAnotherDesk_Gets404OnEveryPage_AndNeverFindsHim()
    {
        var (id, reference) = await app.OtherDeskPrisonerAsync();
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);

        foreach (var url in new[] { $"/Prisoners/{id}", $"/Prisoners/{id}/Edit", $"/Prisoners/{id}/Aliases", $"/Prisoners/{id}/Documents", $"/Prisoners/{id}/Events/Add" })
        {
            var page = await officer.GetAsync(url);
            Assert.True(page.Status == HttpStatusCode.NotFound, $"{url} answered {page.Status}");
            Assert.DoesNotContain("Hidden", page.Text, StringComparison.Ordinal);
        }

        // A forged post (with a valid token from his own form) changes nothing and answers 404.
        var ownForm = await officer.GetAsync("/Prisoners/Create");
        var forged = await officer.PostRawAsync(ownForm, $"/Prisoners/{id}/Edit", [new("Form.FamilyName", "Hijacked"), new("Form.Version", "1")]);
        Assert.Equal(HttpStatusCode.NotFound, forged.Status);
        var aliasPost = await officer.PostRawAsync(ownForm, $"/Prisoners/{id}/Aliases", [new("Form.Name", "Planted")]);
        Assert.Equal(HttpStatusCode.NotFound, aliasPost.Status);

        foreach (var query in new[] { "hidden", "elsewhere", reference, "" })
        {
            var list = await officer.GetAsync("/Prisoners?q=" + Uri.EscapeDataString(query));
            Assert.DoesNotContain(reference, list.Text, StringComparison.Ordinal);
        }
        var stored = await app.AsSystemAsync<PrisonerService, Prisoner?>(s => s.GetAsync(id, CancellationToken.None));
        Assert.Equal("Hidden", stored!.FamilyName);
        Assert.Empty(stored.Aliases);
    }

    [Fact]
    public async Task AnAuditor_ReadsTheRecord_ButNotItsNextOfKin()
    {
        var (id, _) = await app.OtherDeskPrisonerAsync();
        using var auditor = await app.LoginAsNewUserAsync(Roles.Auditor);
        var page = await auditor.GetAsync($"/Prisoners/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Hidden", page.Text, StringComparison.Ordinal);
        Assert.Contains("Restricted to the owning desk and administrators.", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kinname Secret", page.Text, StringComparison.Ordinal);

        using var admin = await app.LoginAsAdminAsync();
        Assert.Contains("Kinname Secret", (await admin.GetAsync($"/Prisoners/{id}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRecordPage_ShowsWhoChangedWhatWhen()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var form = await officer.GetAsync("/Prisoners/Create");
        var details = await officer.SubmitAsync(form, "Register", new Dictionary<string, string?> { ["Family name"] = "Historied", ["Rank"] = "Private" });
        var id = new Uri(details.Url).Segments[^1];
        var edit = await officer.GetAsync($"/Prisoners/{id}/Edit");
        var saved = await officer.SubmitAsync(edit, "Save", new Dictionary<string, string?> { ["Rank"] = "Sergeant" });

        var history = saved.Document.QuerySelector("table.audit")!.TextContent;
        Assert.Contains("Rank: Private → Sergeant", history, StringComparison.Ordinal);
        Assert.Contains("CaseOfficer test user", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdministratorsAndAuditors_SearchTheAuditTrail_OfficersCannot()
    {
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var form = await officer.GetAsync("/Prisoners/Create");
        var details = await officer.SubmitAsync(form, "Register", new Dictionary<string, string?> { ["Family name"] = "Traced" });
        var reference = System.Text.RegularExpressions.Regex.Match(details.Text, @"POW-\d{4}-\d{6}").Value;
        Assert.Contains("/Account/AccessDenied", (await officer.GetAsync("/Admin/Audit")).Url, StringComparison.Ordinal);

        using var auditor = await app.LoginAsNewUserAsync(Roles.Auditor);
        var trail = await auditor.GetAsync("/Admin/Audit?record=" + reference);
        Assert.Equal(HttpStatusCode.OK, trail.Status);
        var rows = trail.Document.QuerySelectorAll("table.audit tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Prisoner's record — added", StringComparison.Ordinal) && r.Contains("Family name: Traced", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Prisoner's record — opened", StringComparison.Ordinal)); // the officer opened the page after saving
        var withoutViews = await auditor.GetAsync($"/Admin/Audit?record={reference}&views=false&user=");
        Assert.DoesNotContain("Prisoner's record — opened", withoutViews.Document.QuerySelector("table.audit")!.TextContent, StringComparison.Ordinal);

        var verify = await auditor.GetAsync("/Admin/Audit/Verify");
        Assert.Contains("The audit trail is intact", verify.Text, StringComparison.Ordinal);
    }
}

/// <summary>Operator commands on the built application: verify-audit and backup/restore.</summary>
public sealed class OperatorCommandTests : IAsyncLifetime
{
    private readonly PowRegistryFactory _app = new();

    public async Task InitializeAsync()
    {
        using var officer = await _app.LoginAsNewUserAsync(Roles.CaseOfficer);
        foreach (var name in new[] { "Keptalpha", "Keptbravo", "Keptcharlie" })
        {
            var form = await officer.GetAsync("/Prisoners/Create");
            await officer.SubmitAsync(form, "Register", new Dictionary<string, string?> { ["Family name"] = name });
        }
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task VerifyAudit_ExitsZeroWhenIntact_AndOneNamingTheEntryWhenTampered()
    {
        var (ok, okOutput) = await AppProcess.RunAsync(AppProcess.EnvironmentFor(_app), "verify-audit");
        Assert.True(ok == 0, okOutput);
        Assert.Contains("The audit trail is intact", okOutput, StringComparison.Ordinal);

        await TestDatabase.ExecuteAsync(_app.ConnectionString, TestDatabase.DropAuditTriggersSql + " UPDATE \"AuditEntries\" SET \"UserId\" = 'nobody' WHERE \"Id\" = 5;");
        var (broken, brokenOutput) = await AppProcess.RunAsync(AppProcess.EnvironmentFor(_app), "verify-audit");
        Assert.Equal(1, broken);
        Assert.Contains("Entry 5 has been altered", brokenOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyTallies_ExitsZeroWhenTheCountsAgree_OneWhenChangedBehindTheSave_AndRebuildMends()
    {
        var (ok, okOutput) = await AppProcess.RunAsync(AppProcess.EnvironmentFor(_app), "verify-tallies");
        Assert.True(ok == 0, okOutput);
        Assert.Contains("agree with the records", okOutput, StringComparison.Ordinal);

        // Behind the application's back.
        await TestDatabase.ExecuteAsync(_app.ConnectionString, "UPDATE \"Prisoners\" SET \"CustodyStatus\" = 3 WHERE \"Id\" = (SELECT MIN(\"Id\") FROM \"Prisoners\");");
        var (drifted, driftedOutput) = await AppProcess.RunAsync(AppProcess.EnvironmentFor(_app), "verify-tallies");
        Assert.Equal(1, drifted);
        Assert.Contains("2 of the review's counts differ", driftedOutput, StringComparison.Ordinal);

        var (rebuilt, rebuiltOutput) = await AppProcess.RunAsync(AppProcess.EnvironmentFor(_app), "verify-tallies", "--rebuild");
        Assert.True(rebuilt == 0, rebuiltOutput);
        Assert.Contains("agree with the records", rebuiltOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_WhileRunning_RestoresEveryRow()
    {
        var backup = Path.Combine(_app.Folder, "backups", TestDatabase.IsPostgreSql ? "copy.dump" : "copy.db");
        var (exit, output) = await AppProcess.RunAsync(AppProcess.EnvironmentFor(_app), "backup", backup);
        Assert.True(exit == 0, output);

        // Restore as documented: SQLite's copy becomes the database file of a fresh instance; PostgreSQL's dump goes into
        // an empty database with pg_restore. Either way with the same audit key.
        string restored;
        if (TestDatabase.IsPostgreSql)
        {
            restored = TestDatabase.NewConnectionString("");
            var (restoredExit, restoreOutput) = await PgRestoreAsync(restored, backup);
            Assert.True(restoredExit == 0, restoreOutput);
        }
        else
        {
            var path = Path.Combine(_app.Folder, "restored", "powregistry.db");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(backup, path);
            restored = $"Data Source={path}";
            Assert.Equal("ok", await TestDatabase.ScalarAsync(restored, "PRAGMA integrity_check;"));
        }
        var live = await CountRowsAsync(_app.ConnectionString);
        var copy = await CountRowsAsync(restored);
        Assert.Equal(live, copy);
        Assert.True(copy["Prisoners"] >= 3 && copy["AuditEntries"] > 0);

        var environment = AppProcess.EnvironmentFor(_app);
        environment["ConnectionStrings__PowRegistry"] = restored;
        var (verified, verifyOutput) = await AppProcess.RunAsync(environment, "verify-audit");
        Assert.True(verified == 0, verifyOutput);
        Assert.Equal("Keptalpha", await TestDatabase.ScalarAsync(restored, "SELECT \"FamilyName\" FROM \"Prisoners\" WHERE \"FamilyName\" = 'Keptalpha';"));

        var (again, againOutput) = await AppProcess.RunAsync(AppProcess.EnvironmentFor(_app), "backup", backup);
        Assert.Equal(2, again); // never overwrites an earlier backup
        Assert.Contains("already exists", againOutput, StringComparison.Ordinal);
    }

    /// <summary>Every table's row count, by name.</summary>
    private static async Task<Dictionary<string, long>> CountRowsAsync(string connectionString)
    {
        await using var connection = await TestDatabase.OpenAsync(connectionString);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = TestDatabase.IsPostgreSql
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return counts;
    }

    /// <summary>pg_restore into the (empty) database of <paramref name="connectionString"/>, as operations.md says; found like the app finds pg_dump.</summary>
    private static async Task<(int Exit, string Output)> PgRestoreAsync(string connectionString, string dump)
    {
        var target = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var pgRestore = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin", "pg_restore")).FirstOrDefault(File.Exists) ?? "pg_restore"
            : "pg_restore";
        var start = new System.Diagnostics.ProcessStartInfo(pgRestore) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--no-owner", "--dbname", target.Database!, dump }) start.ArgumentList.Add(argument);
        start.Environment["PGHOST"] = target.Host;
        start.Environment["PGPORT"] = target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = target.Username;
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var outText = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, outText + await error);
    }
}
