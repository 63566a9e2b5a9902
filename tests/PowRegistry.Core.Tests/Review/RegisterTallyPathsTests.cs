using System.Text.RegularExpressions;

namespace PowRegistry.Core.Tests.Review;

/// <summary>
/// The review's counts are kept by the DbContext's save (ADR-015). A bulk statement (ExecuteUpdate, ExecuteDelete,
/// raw SQL) that changes prisoners or notifications goes around the save, and the counts would silently drift: none
/// may exist in the application's source, except the upkeep's own statements on the counts and the SQL that builds
/// them. Read from the source, so a new file is covered. A path that must have one keeps the counts itself and is
/// listed here with its reason.
/// </summary>
public sealed partial class RegisterTallyPathsTests
{
    /// <summary>Files allowed a bulk statement, and why.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["src/PowRegistry.Core/Prisoners/RegisterTallyUpkeep.cs"] = "moves the counts themselves",
        ["src/PowRegistry.Core/Prisoners/SearchTermUpkeep.cs"] = "search terms only",
        ["src/PowRegistry.Core/Prisoners/RegisterService.cs"] = "search terms only (the index rebuild)",
        ["src/PowRegistry.Core/Data/Sqlite/SqliteSetup.cs"] = "pragmas and the backup",
        ["src/PowRegistry.Core/Data/PostgreSql/PostgreSqlSetup.cs"] = "the write lock, the id sequence and the backup",
        ["src/PowRegistry.Core/Data/RegisterTallySql.cs"] = "builds the counts from the records",
        ["src/PowRegistry.Core/Data/IdReservation.cs"] = "reads or moves the id sequence for a batch import, changes no record (the import saves through the save)",
        ["src/PowRegistry.Core/Data/AddedRows.cs"] = "is the save's own insert of a large save that only adds rows, called by the DbContext after the counts' changes are captured",
        ["src/PowRegistry.Core/Data/DerivedRows.cs"] = "search terms and audit entries only, inside the save",
        ["src/PowRegistry.Web/Infrastructure/CommandLine/Commands.cs"] = "verify-tallies --rebuild runs RegisterTallySql.Rebuild; backup",
        ["src/PowRegistry.Core/Accounts/SetupToken.cs"] = "the setup token's row only (ADR-022)",
        ["src/PowRegistry.Core/Instances/LoginAttempts.cs"] = "login attempts only (ADR-022)",
        ["src/PowRegistry.Core/Instances/ApiRequestCounts.cs"] = "API request counts only (ADR-022)",
        ["src/PowRegistry.Core/Instances/Leases.cs"] = "leases only (ADR-022)",
        ["src/PowRegistry.Core/Instances/DatabaseCache.cs"] = "cache entries only (ADR-022)",
        ["src/PowRegistry.Web/Infrastructure/Security/DatabaseTicketStore.cs"] = "sessions only (ADR-022)",
        ["src/PowRegistry.Core/Audit/AuditChain.cs"] = "redacts audit entries only (ADR-024)",
    };

    [GeneratedRegex(@"ExecuteUpdate|ExecuteDelete|ExecuteSql|SqlQuery|FromSql|(UPDATE|DELETE\s+FROM|INSERT\s+INTO)\s+""?(Prisoners|Notifications)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BulkStatement();

    [Fact]
    public void NoBulkStatementOutsideTheSave_ChangesWhatTheReviewCounts()
    {
        var root = RepositoryRoot();
        var offending = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/Migrations/", StringComparison.Ordinal))
            .Where(f => !Allowed.ContainsKey(f) && BulkStatement().IsMatch(File.ReadAllText(Path.Combine(root, f))))
            .ToList();
        Assert.Empty(offending);
    }

    [Fact]
    public void TheScan_FindsAnUpdateOfPrisoners()
    {
        Assert.Matches(BulkStatement(), "db.Prisoners.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.DeskId, 2))");
        Assert.Matches(BulkStatement(), "UPDATE \"Prisoners\" SET \"CustodyStatus\" = 3");
        Assert.DoesNotMatch(BulkStatement(), "await db.SaveChangesAsync(ct);");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PowRegistry.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("PowRegistry.sln not found above " + AppContext.BaseDirectory);
    }
}
