using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;

using Microsoft.Data.Sqlite;

using Npgsql;

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
/// SQLite gets the rows through prepared INSERTs; PostgreSQL through COPY, one per table and batch (the same rows,
/// from the same random sequence), then its identity sequences are moved past them.
/// </summary>
internal sealed class RegisterSeeder(DatabaseProvider provider, string connectionString, int count, int batchSize)
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
    private static string CaptureCards(DatabaseProvider provider)
    {
        string Plus(int days) => provider == DatabaseProvider.PostgreSql ? $"\"DateOfCapture\" + {days}" : $"date(\"DateOfCapture\", '+{days} days')";
        return $"""
            INSERT INTO "Notifications" ("PrisonerId", "Kind", "EventDate", "DueOn", "CreatedBy", "CreatedAt", "SentOn", "Channel", "SentRecordedBy", "SentRecordedAt")
            SELECT "Id", 1, "DateOfCapture", {Plus(7)}, '{Actor}', "CreatedAt",
                CASE WHEN "Id" % 500 = 0 THEN NULL WHEN "Id" % 25 = 0 THEN {Plus(12)} ELSE {Plus(3)} END,
                CASE WHEN "Id" % 500 = 0 THEN NULL ELSE 1 END,
                CASE WHEN "Id" % 500 = 0 THEN NULL ELSE '{Actor}' END,
                CASE WHEN "Id" % 500 = 0 THEN NULL ELSE "CreatedAt" END
            FROM "Prisoners" WHERE "DateOfCapture" IS NOT NULL ORDER BY "Id";
            """;
    }

    private readonly Dictionary<(string, string?), string[]> keyCache = [];

    public long AliasCount { get; private set; }
    public long TermCount { get; private set; }
    public long NameKeyCount { get; private set; }
    public Dictionary<NameStyle, int> StyleCounts { get; } = [];

    public TimeSpan Seed(Action<string> progress) =>
        provider == DatabaseProvider.PostgreSql ? SeedPostgreSql(progress) : SeedSqlite(progress);

    private TimeSpan SeedSqlite(Action<string> progress)
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
            for (var id = start; id <= end; id++)
            {
                var row = Next(id, random);
                // The parameters were added in PrisonerColumns' order, the order of the row's values.
                for (var i = 0; i < row.Prisoner.Length; i++) prisoner.Parameters[i].Value = row.Prisoner[i] ?? DBNull.Value;
                prisoner.ExecuteNonQuery();
                if (row.Alias is not null)
                {
                    alias.Parameters["$PrisonerId"].Value = id;
                    alias.Parameters["$Name"].Value = row.Alias;
                    alias.Parameters["$Source"].Value = (int)InformationSource.Stated;
                    alias.Parameters["$Confidence"].Value = (int)Confidence.High;
                    alias.ExecuteNonQuery();
                }
                term.Parameters["$PrisonerId"].Value = id;
                foreach (var (kind, value) in row.Terms)
                {
                    term.Parameters["$Kind"].Value = (int)kind;
                    term.Parameters["$Term"].Value = value;
                    term.ExecuteNonQuery();
                }
            }
            transaction.Commit();
            if (end >= nextReport || end == count)
            {
                nextReport += reportEvery;
                progress($"  {end:N0} prisoners, {TermCount:N0} search terms ({stopwatch.Elapsed.TotalSeconds:F0} s)");
            }
        }

        progress("  capture cards and the review's counts ...");
        Execute(connection, CaptureCards(DatabaseProvider.Sqlite));
        Execute(connection, RegisterTallySql.Rebuild(DatabaseProvider.Sqlite));
        progress("  ANALYZE ...");
        Execute(connection, "ANALYZE;");
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return stopwatch.Elapsed;
    }

    /// <summary>
    /// The same rows by COPY (text format: PostgreSQL parses each value as its column's type), one COPY per table per
    /// batch. Then the capture cards and counts, the identity sequences past the ids written, and VACUUM ANALYZE (a
    /// register that has been running has been vacuumed: its visibility map lets index-only scans skip the table).
    /// </summary>
    private TimeSpan SeedPostgreSql(Action<string> progress)
    {
        var stopwatch = Stopwatch.StartNew();
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var columns = PrisonerColumns.Split(", ");
        RequireNoOtherColumns(connection, "Prisoners", columns);
        RequireNoOtherColumns(connection, "PrisonerAliases", ["Id", "PrisonerId", "Name", "Source", "Confidence", "Notes"]);
        RequireNoOtherColumns(connection, "PrisonerSearchTerms", ["PrisonerId", "Kind", "Term"]);
        foreach (var desk in Desks.Skip(1)) Execute(connection, $"INSERT INTO \"Desks\" (\"Id\", \"Name\") VALUES ({desk.Id}, '{desk.Name}')");
        var prisonerCopy = $"COPY \"Prisoners\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN";
        const string AliasCopy = "COPY \"PrisonerAliases\" (\"PrisonerId\", \"Name\", \"Source\", \"Confidence\") FROM STDIN";
        const string TermCopy = "COPY \"PrisonerSearchTerms\" (\"PrisonerId\", \"Kind\", \"Term\") FROM STDIN";

        var random = new Random(20250601);
        var reportEvery = Math.Max(batchSize, count / 10);
        var nextReport = reportEvery;
        var prisoners = new StringBuilder();
        var aliases = new StringBuilder();
        var terms = new StringBuilder();
        for (var start = 1; start <= count; start += batchSize)
        {
            prisoners.Clear();
            aliases.Clear();
            terms.Clear();
            var end = Math.Min(count, start + batchSize - 1);
            for (var id = start; id <= end; id++)
            {
                var row = Next(id, random);
                CopyLine(prisoners, row.Prisoner);
                if (row.Alias is not null) CopyLine(aliases, [id, row.Alias, (int)InformationSource.Stated, (int)Confidence.High]);
                foreach (var (kind, value) in row.Terms) CopyLine(terms, [id, (int)kind, value]);
            }
            using var transaction = connection.BeginTransaction();
            foreach (var (sql, text) in new[] { (prisonerCopy, prisoners), (AliasCopy, aliases), (TermCopy, terms) })
            {
                using var writer = connection.BeginTextImport(sql);
                writer.Write(text);
            }
            transaction.Commit();
            if (end >= nextReport || end == count)
            {
                nextReport += reportEvery;
                progress($"  {end:N0} prisoners, {TermCount:N0} search terms ({stopwatch.Elapsed.TotalSeconds:F0} s)");
            }
        }

        progress("  capture cards and the review's counts ...");
        Execute(connection, CaptureCards(DatabaseProvider.PostgreSql));
        Execute(connection, RegisterTallySql.Rebuild(DatabaseProvider.PostgreSql));
        // Ids were written explicitly: move each identity past them, or the application's next insert would clash.
        foreach (var table in new[] { "Prisoners", "Desks" })
        {
            Execute(connection, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{table}\"))");
        }
        progress("  VACUUM ANALYZE ...");
        Execute(connection, "VACUUM (ANALYZE);");
        return stopwatch.Elapsed;
    }

    /// <summary>One line of COPY's text format: tab-separated, \N for null, backslash escapes for the few special characters.</summary>
    private static void CopyLine(StringBuilder text, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0) text.Append('\t');
            switch (values[i])
            {
                case null:
                    text.Append("\\N");
                    break;
                case bool b:
                    text.Append(b ? 't' : 'f');
                    break;
                case string s:
                    foreach (var c in s)
                    {
                        text.Append(c switch { '\\' => "\\\\", '\t' => "\\t", '\n' => "\\n", '\r' => "\\r", _ => c.ToString() });
                    }
                    break;
                case IFormattable f:
                    text.Append(f.ToString(null, CultureInfo.InvariantCulture));
                    break;
                default:
                    throw new NotSupportedException($"A value of type {values[i]!.GetType().Name}");
            }
        }
        text.Append('\n');
    }

    /// <summary>One prisoner's rows: his values in PrisonerColumns' order, his alias, and his search terms.</summary>
    private sealed record SeedRow(object?[] Prisoner, string? Alias, List<(SearchTermKind Kind, string Term)> Terms);

    private SeedRow Next(int id, Random random)
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

        // In PrisonerColumns' order. The random draws keep their order: the same seed gives the same register.
        var desk = Desk(random.Next(100));
        var rank = Ranks[random.Next(Ranks.Length)];
        var unit = $"Fictional unit {100 + random.Next(40)}";
        var place = Places[random.Next(Places.Length)];
        var camp = Camps[random.Next(Camps.Length)];
        var health = random.Next(5);
        var status = Status(random.Next(1000));
        var captureText = captured.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        object?[] prisoner =
        [
            id, reference, desk, name.Family, name.Given, rank, serviceNumber, bornText,
            russian ? "Fictional town, Russia" : "Fictional county, DPRK",
            russian ? "RU" : "KP", "RU", unit, captureText, place, "UA", camp, health,
            russian ? "Russian" : "Korean", !russian, "BENCHMARK — fictional record. Not a real person.", (int)status,
            Text.Fold($"{name.Family} {name.Given}"), captureText, created, Actor, created, Actor, 1,
            false, (int)source, false, (int)source, false, (int)InformationSource.Stated,
            serviceNumber is null, (int)(serviceNumber is null ? InformationSource.NotRecorded : source),
            false, (int)InformationSource.Stated,
        ];
        if (name.Alias is not null) AliasCount++;

        // The same terms, made the same way, as Prisoner.SearchTerms(): the folded words of the names, alias and
        // service number; the reference whole and its number; and the phonetic name keys of the name and the alias.
        var words = SearchText.Terms([name.Family, name.Given, serviceNumber, name.Alias])
            .Concat([Text.Fold(reference), reference[(reference.LastIndexOf('-') + 1)..]])
            .Distinct();
        var keys = new HashSet<string>(KeysOf(name.Family, name.Given), StringComparer.Ordinal);
        if (name.Alias is not null) keys.UnionWith(KeysOf(name.Alias, null));
        var terms = words.Select(w => (SearchTermKind.Word, w))
            .Concat(keys.Where(k => k.Length <= PrisonerSearchTerm.MaxLength).Select(k => (SearchTermKind.NameKey, k)))
            .ToList();
        TermCount += terms.Count;
        NameKeyCount += terms.Count(t => t.Item1 == SearchTermKind.NameKey);
        return new SeedRow(prisoner, name.Alias, terms);
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

    private static void RequireNoOtherColumns(NpgsqlConnection connection, string table, string[] written)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = @table AND is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO'
            """;
        command.Parameters.AddWithValue("table", table);
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

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
