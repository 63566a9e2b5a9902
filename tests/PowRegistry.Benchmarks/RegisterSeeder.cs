using System.Diagnostics;
using System.Globalization;

using Microsoft.Data.Sqlite;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Data.Sqlite;
using PowRegistry.Core.Names;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Benchmarks;

/// <summary>
/// Fills a freshly migrated database with fictional prisoners by raw SQL: one prepared command per table,
/// reused with new parameter values, in batches of one transaction each. The rows are what
/// <see cref="PrisonerService.CreateAsync"/> would write for the same input (sort keys, references and search
/// terms come from the same code); the benchmark reads a sample back through the service and checks it.
/// Custody events, identity documents and audit entries are not written: the register list does not read them. Each
/// record's capture card is (the review counts them), and the review's counts are built from the rows at the end.
/// </summary>
internal sealed class RegisterSeeder(string connectionString, int count, int batchSize)
{
    public const string Actor = "bench";

    /// <summary>Desk 1 is the migration's "Main desk"; the others are added. Desk E is new and holds no record yet.</summary>
    public static readonly (int Id, string Name, int Percent)[] Desks =
        [(1, "Main desk", 60), (2, "Fictional desk B", 25), (3, "Fictional desk C", 10), (4, "Fictional desk D", 5), (5, "Fictional desk E", 0)];

    private static readonly DateOnly FirstCapture = new(2024, 6, 1);
    private static readonly string[] Ranks = ["Private", "Private", "Private", "Junior sergeant", "Sergeant", "Senior sergeant", "Lieutenant", "Captain"];
    private static readonly string[] Places = ["Kursk region", "Sumy region", "Kharkiv region", "Belgorod region", "Bryansk region"];
    private static readonly string[] Camps = ["Fictional camp A", "Fictional camp B", "Fictional camp C", "Fictional camp D"];

    private static readonly string PrisonerColumns = string.Join(", ",
        "Id", "Reference", "DeskId", "FamilyName", "GivenNames", "Rank", "ServiceNumber", "DateOfBirth", "PlaceOfBirth",
        "NationalityCode", "PowerDependedOnCode", "Unit", "DateOfCapture", "PlaceOfCapture", "DetainingPowerCode",
        "PlaceOfInternment", "HealthStatus", "Languages", "InterpreterNeeded", "Notes", "CustodyStatus", "SortName",
        "CaptureSortKey", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy", "Version",
        "FamilyNameInfo_Declined", "FamilyNameInfo_Source", "GivenNamesInfo_Declined", "GivenNamesInfo_Source",
        "RankInfo_Declined", "RankInfo_Source", "ServiceNumberInfo_Declined", "ServiceNumberInfo_Source",
        "DateOfBirthInfo_Declined", "DateOfBirthInfo_Source");

    /// <summary>
    /// The capture card every record with a date of capture owes (as registering him stores it), due 7 days after
    /// (the default): one in 500 still open (so overdue), one in 25 of the others sent late (12 days), the rest in 3 days.
    /// </summary>
    private const string CaptureCards = $"""
        INSERT INTO Notifications (PrisonerId, Kind, EventDate, DueOn, CreatedBy, CreatedAt, SentOn, Channel, SentRecordedBy, SentRecordedAt)
        SELECT Id, 1, DateOfCapture, date(DateOfCapture, '+7 days'), '{Actor}', CreatedAt,
            CASE WHEN Id % 500 = 0 THEN NULL WHEN Id % 25 = 0 THEN date(DateOfCapture, '+12 days') ELSE date(DateOfCapture, '+3 days') END,
            CASE WHEN Id % 500 = 0 THEN NULL ELSE 1 END,
            CASE WHEN Id % 500 = 0 THEN NULL ELSE '{Actor}' END,
            CASE WHEN Id % 500 = 0 THEN NULL ELSE CreatedAt END
        FROM Prisoners WHERE DateOfCapture IS NOT NULL ORDER BY Id;
        """;

    private readonly Dictionary<(string, string?), string[]> keyCache = [];

    public long AliasCount { get; private set; }
    public long TermCount { get; private set; }
    public long NameKeyCount { get; private set; }
    public Dictionary<NameStyle, int> StyleCounts { get; } = [];

    public TimeSpan Seed(Action<string> progress)
    {
        var stopwatch = Stopwatch.StartNew();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        // A benchmark database may be lost on a crash: trade durability for speed while loading. The rows are
        // consistent by construction, so foreign keys are not checked row by row.
        Execute(connection, "PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-1048576; PRAGMA temp_store=MEMORY;");

        var columns = PrisonerColumns.Split(", ");
        RequireNoOtherColumns(connection, "Prisoners", columns);
        RequireNoOtherColumns(connection, "PrisonerAliases", ["Id", "PrisonerId", "Name", "Source", "Confidence", "Notes"]);
        RequireNoOtherColumns(connection, "PrisonerSearchTerms", ["PrisonerId", "Kind", "Term"]);
        foreach (var desk in Desks.Skip(1)) Execute(connection, $"INSERT INTO Desks (Id, Name) VALUES ({desk.Id}, '{desk.Name}')");
        using var prisoner = Prepare(connection,
            $"INSERT INTO Prisoners ({PrisonerColumns}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})", columns);
        using var alias = Prepare(connection,
            "INSERT INTO PrisonerAliases (PrisonerId, Name, Source, Confidence, Notes) VALUES ($PrisonerId, $Name, $Source, $Confidence, NULL)",
            "PrisonerId", "Name", "Source", "Confidence");
        using var term = Prepare(connection,
            "INSERT INTO PrisonerSearchTerms (PrisonerId, Kind, Term) VALUES ($PrisonerId, $Kind, $Term)", "PrisonerId", "Kind", "Term");

        var random = new Random(20250601);
        var reportEvery = Math.Max(batchSize, count / 10);
        var nextReport = reportEvery;
        for (var start = 1; start <= count; start += batchSize)
        {
            using var transaction = connection.BeginTransaction();
            prisoner.Transaction = alias.Transaction = term.Transaction = transaction;
            var end = Math.Min(count, start + batchSize - 1);
            for (var id = start; id <= end; id++) InsertOne(id, random, prisoner, alias, term);
            transaction.Commit();
            if (end >= nextReport || end == count)
            {
                nextReport += reportEvery;
                progress($"  {end:N0} prisoners, {TermCount:N0} search terms ({stopwatch.Elapsed.TotalSeconds:F0} s)");
            }
        }

        progress("  capture cards and the review's counts ...");
        Execute(connection, CaptureCards);
        Execute(connection, RegisterTallySql.Rebuild(DatabaseProvider.Sqlite));
        progress("  ANALYZE ...");
        Execute(connection, "ANALYZE;");
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return stopwatch.Elapsed;
    }

    private void InsertOne(int id, Random random, SqliteCommand prisoner, SqliteCommand alias, SqliteCommand term)
    {
        var name = FictionalNames.Next(random);
        var russian = name.Russian;
        StyleCounts[name.Style] = StyleCounts.GetValueOrDefault(name.Style) + 1;
        var reference = $"POW-2025-{id:D6}";
        // id * 7919 mod 10^7 is a bijection on 0..10^7-1 (7919 is prime to 10): unique, but scattered like real numbers.
        string? serviceNumber = random.Next(100) < 15 ? null : ((id * 7919L) % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
        var captured = FirstCapture.AddDays(random.Next(730));
        var born = new DateOnly(1988 + random.Next(18), 1 + random.Next(12), 1 + random.Next(28));
        var bornText = random.Next(10) switch
        {
            < 3 => born.Year.ToString("D4", CultureInfo.InvariantCulture),
            < 5 => born.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var created = new DateTimeOffset(captured.AddDays(1 + random.Next(5)), new TimeOnly(9, 0), TimeSpan.Zero)
            .AddMinutes(random.Next(480)).ToUnixTimeMilliseconds();
        var source = random.Next(3) == 0 ? InformationSource.DocumentCarried : InformationSource.Stated;

        var p = prisoner.Parameters;
        p["$Id"].Value = id;
        p["$Reference"].Value = reference;
        p["$DeskId"].Value = Desk(random.Next(100));
        p["$FamilyName"].Value = name.Family;
        p["$GivenNames"].Value = name.Given;
        p["$Rank"].Value = Ranks[random.Next(Ranks.Length)];
        p["$ServiceNumber"].Value = (object?)serviceNumber ?? DBNull.Value;
        p["$DateOfBirth"].Value = bornText;
        p["$PlaceOfBirth"].Value = russian ? "Fictional town, Russia" : "Fictional county, DPRK";
        p["$NationalityCode"].Value = russian ? "RU" : "KP";
        p["$PowerDependedOnCode"].Value = "RU";
        p["$Unit"].Value = $"Fictional unit {100 + random.Next(40)}";
        p["$DateOfCapture"].Value = captured.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        p["$PlaceOfCapture"].Value = Places[random.Next(Places.Length)];
        p["$DetainingPowerCode"].Value = "UA";
        p["$PlaceOfInternment"].Value = Camps[random.Next(Camps.Length)];
        p["$HealthStatus"].Value = random.Next(5);
        p["$Languages"].Value = russian ? "Russian" : "Korean";
        p["$InterpreterNeeded"].Value = !russian;
        p["$Notes"].Value = "BENCHMARK — fictional record. Not a real person.";
        p["$CustodyStatus"].Value = (int)Status(random.Next(1000));
        p["$SortName"].Value = Text.Fold($"{name.Family} {name.Given}");
        p["$CaptureSortKey"].Value = captured.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        p["$CreatedAt"].Value = created;
        p["$CreatedBy"].Value = Actor;
        p["$UpdatedAt"].Value = created;
        p["$UpdatedBy"].Value = Actor;
        p["$Version"].Value = 1;
        p["$FamilyNameInfo_Declined"].Value = false;
        p["$FamilyNameInfo_Source"].Value = (int)source;
        p["$GivenNamesInfo_Declined"].Value = false;
        p["$GivenNamesInfo_Source"].Value = (int)source;
        p["$RankInfo_Declined"].Value = false;
        p["$RankInfo_Source"].Value = (int)InformationSource.Stated;
        p["$ServiceNumberInfo_Declined"].Value = serviceNumber is null;
        p["$ServiceNumberInfo_Source"].Value = (int)(serviceNumber is null ? InformationSource.NotRecorded : source);
        p["$DateOfBirthInfo_Declined"].Value = false;
        p["$DateOfBirthInfo_Source"].Value = (int)InformationSource.Stated;
        prisoner.ExecuteNonQuery();

        if (name.Alias is not null)
        {
            alias.Parameters["$PrisonerId"].Value = id;
            alias.Parameters["$Name"].Value = name.Alias;
            alias.Parameters["$Source"].Value = (int)InformationSource.Stated;
            alias.Parameters["$Confidence"].Value = (int)Confidence.High;
            alias.ExecuteNonQuery();
            AliasCount++;
        }

        // The same terms, made the same way, as Prisoner.SearchTerms(): the folded words of the names, alias and
        // service number; the reference whole and its number; and the phonetic name keys of the name and the alias.
        term.Parameters["$PrisonerId"].Value = id;
        var words = SearchText.Terms([name.Family, name.Given, serviceNumber, name.Alias])
            .Concat([Text.Fold(reference), reference[(reference.LastIndexOf('-') + 1)..]])
            .Distinct();
        var keys = new HashSet<string>(KeysOf(name.Family, name.Given), StringComparer.Ordinal);
        if (name.Alias is not null) keys.UnionWith(KeysOf(name.Alias, null));
        Insert(term, SearchTermKind.Word, words);
        Insert(term, SearchTermKind.NameKey, keys.Where(k => k.Length <= PrisonerSearchTerm.MaxLength));
    }

    private void Insert(SqliteCommand term, SearchTermKind kind, IEnumerable<string> values)
    {
        term.Parameters["$Kind"].Value = (int)kind;
        foreach (var value in values)
        {
            term.Parameters["$Term"].Value = value;
            term.ExecuteNonQuery();
            TermCount++;
            if (kind == SearchTermKind.NameKey) NameKeyCount++;
        }
    }

    /// <summary>
    /// NameKeys.For(family, given), or NameKeys.For(alias) when <paramref name="given"/> is null, remembered: the
    /// register repeats names, and the keys of a name do not depend on who bears it.
    /// </summary>
    private string[] KeysOf(string familyOrAlias, string? given)
    {
        var cacheKey = (familyOrAlias, given);
        if (!keyCache.TryGetValue(cacheKey, out var keys))
        {
            keys = [.. given is null ? NameKeys.For(familyOrAlias) : NameKeys.For(familyOrAlias, given)];
            keyCache[cacheKey] = keys;
        }
        return keys;
    }

    private static int Desk(int percent)
    {
        foreach (var desk in Desks)
        {
            if (percent < desk.Percent) return desk.Id;
            percent -= desk.Percent;
        }
        return Desks[0].Id;
    }

    /// <summary>Most are held; some in hospital, released, repatriated or handed to a third state; a few escaped or died.</summary>
    private static CustodyStatus Status(int perMille) => perMille switch
    {
        < 25 => CustodyStatus.Unknown,
        < 725 => CustodyStatus.InCustody,
        < 805 => CustodyStatus.Hospitalised,
        < 810 => CustodyStatus.Escaped,
        < 840 => CustodyStatus.Released,
        < 940 => CustodyStatus.Repatriated,
        < 990 => CustodyStatus.TransferredToThirdState,
        _ => CustodyStatus.Deceased,
    };

    /// <summary>A migration that adds a required column without a default would make these rows unlike the application's: stop.</summary>
    private static void RequireNoOtherColumns(SqliteConnection connection, string table, string[] written)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}') WHERE \"notnull\" = 1 AND dflt_value IS NULL AND pk = 0";
        using var reader = command.ExecuteReader();
        var missing = new List<string>();
        while (reader.Read())
        {
            if (!written.Contains(reader.GetString(0))) missing.Add(reader.GetString(0));
        }
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"{table} has required columns the seeder does not write: {string.Join(", ", missing)}. Update RegisterSeeder.");
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter("$" + name, null));
        command.Prepare();
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
