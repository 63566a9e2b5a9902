using System.Text;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Exchange;
using PowRegistry.Core.Names;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Exchange;

/// <summary>
/// The import's shortcuts at scale (ADR-017) give the answers of the rules they stand for: duplicates found in bulk are
/// the per-row rule's, a service number repeated across a chunk boundary is refused, the file is checked once, and the
/// prepared inserts of a large save write what EF Core's insert writes.
/// </summary>
public sealed class ImportAtScaleTests(TestServices app) : IClassFixture<TestServices>
{
    private const string Header = "family_name,given_names,alias,service_number,nationality,date_of_birth,date_of_capture";

    /// <summary>The same man in several scripts and spellings, namesakes born apart, repeated and reused service numbers.</summary>
    private static readonly string[] OnTheRegister =
    [
        "Ri,Yong Chol,,OR-100,KP,1999-03-04,2025-01-02",
        "Kim,Chol Min,,OR-101,KP,2001-06-02,2025-01-03",
        "리,영철,,OR-102,KP,1999,2025-01-04",
        "Park,Song Il,,OR-103,KP,,2025-01-05",
        "Ли,Ён Чхоль,,OR-104,RU,1980-01-01,2025-01-06",
        ",,Comrade Han,OR-105,KP,,2025-01-07",
    ];

    private static readonly string[] File =
    [
        "Lee,Yeong-cheol,,NEW-1,KP,1999-03-04,2025-02-01",  // the first register man, southern spelling
        "Yi,Yong Chol,,NEW-2,KP,1980,2025-02-01",           // born 19 years apart from him, but the Cyrillic one fits
        "Kim,Chol Min,,OR-101,RU,,2025-02-01",              // his service number, another nationality: a warning
        "Kim,Min,,NEW-3,KP,2001-06-02,2025-02-01",
        "Kim,Min,,NEW-4,KP,2001-06,2025-02-01",             // the row above, within the file
        "Pak,Song Il,,NEW-5,KP,1970,2025-02-01",
        "Choe,Ho,,NEW-6,KP,1990-01-01,2025-02-01",
        "Choe,Ho,,NEW-6,KP,1990-01-01,2025-02-01",          // same number and nationality as the row above: refused
        "Choe,Ho,,NEW-6,RU,1990-01-01,2025-02-01",          // same number, other nationality: a warning
        "Han,Il,Comrade Han,NEW-7,KP,,2025-02-01",
        "Ri,Yong Chol,,OR-100,KP,1999-03-04,2025-02-01",    // taken on the register: refused
        "Nam,Kwang,,NEW-8,KP,2000-01-01,2025-02-01",
        "Nam,Kwang,,NEW-9,KP,2010-01-01,2025-02-01",        // born apart: not the row above
        "리,영철,,NEW-10,KP,,2025-02-01",
        "Ri,Yong-chol,,NEW-11,KP,1999,2025-02-01",
        "Unrelated,Person,,NEW-12,KP,1995-05-05,2025-02-01",
    ];

    private static byte[] Csv(IEnumerable<string> rows) => Encoding.UTF8.GetBytes(string.Join('\n', rows.Prepend(Header)) + "\n");

    [Fact]
    public async Task PreviewDuplicates_AreThoseOfThePerRowRule_OnTheRegisterAndWithinTheFile()
    {
        await app.Run(async (PrisonerImport import) =>
        {
            var seeded = await import.ImportAsync(Csv(OnTheRegister), Desk.DefaultDeskId, skipInvalid: false, TestServices.Officer, CancellationToken.None);
            Assert.True(seeded.Saved, string.Join("; ", seeded.Errors.Select(e => e.Message.Key)));
            return 0;
        });

        var preview = await app.Run((PrisonerImport import) => import.PreviewAsync(Csv(File), Desk.DefaultDeskId, CancellationToken.None));
        Assert.Equal(File.Length, preview.Rows.Count);

        // Against the register: each valid row's candidates are exactly FindAsync's for that row alone.
        var perRow = new List<IReadOnlyList<DuplicateCandidate>>();
        foreach (var row in preview.Rows)
        {
            perRow.Add(row.IsValid ? await app.Run((PossibleDuplicates d) => d.FindAsync(Copy(row.Input), null, CancellationToken.None)) : []);
        }
        for (var i = 0; i < preview.Rows.Count; i++)
        {
            var bulk = preview.Rows[i].PossibleDuplicates.Where(d => d.Reference is not null).Select(d => (d.Reference, d.Why.Key)).Order().ToList();
            Assert.Equal(perRow[i].Select(c => ((string?)c.Reference, c.Why.Key)).Order().ToList(), bulk);
        }
        Assert.True(perRow.Count(c => c.Count > 0) >= 3, "the file meets the register several times");

        // Within the file: each row against every earlier row, one by one, with the rule the import states.
        var sameNumberErrors = 0;
        for (var i = 0; i < preview.Rows.Count; i++)
        {
            var row = preview.Rows[i];
            var expectedRows = new List<(int Row, string Why)>();
            var expectedErrors = new List<int>();
            for (var j = 0; j < i; j++)
            {
                var other = preview.Rows[j];
                var number = Text.Clean(row.Input.ServiceNumber);
                if (number is not null && number == Text.Clean(other.Input.ServiceNumber))
                {
                    if (string.Equals(Text.Clean(row.Input.Nationality), Text.Clean(other.Input.Nationality), StringComparison.OrdinalIgnoreCase)) expectedErrors.Add(other.Row);
                    else expectedRows.Add((other.Row, "Duplicate.SameServiceNumber"));
                }
                else if (NameKeys.Matches(NameKeys.ForQuery(row.Name), NameKeys.For(other.Name)) && NameKeys.Matches(NameKeys.ForQuery(other.Name), NameKeys.For(row.Name))
                    && PartialDate.MayBeSameDay(Born(row), Born(other)))
                {
                    expectedRows.Add((other.Row, "Duplicate.SimilarNameAndBirth"));
                }
            }
            var found = row.PossibleDuplicates.Where(d => d.FileRow is not null).Select(d => (d.FileRow!.Value, d.Why.Key)).ToList();
            Assert.Equal(expectedRows, found);
            var errors = row.Errors.Where(e => e.Message.Key == "Import.SameNumberInFile").Select(e => Convert.ToInt32(e.Message.Args[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(expectedErrors, errors);
            sameNumberErrors += errors.Count;
        }
        Assert.Equal(1, sameNumberErrors);
        Assert.Contains(preview.Rows, r => r.Errors.Any(e => e.Column == "service_number" && e.Message.Key == "Prisoner.ServiceNumber.Taken"));
    }

    [Fact]
    public async Task AServiceNumberRepeatedAcrossAChunkBoundary_IsRefused_AndNothingIsSaved()
    {
        var tag = Tag();
        var inputs = Enumerable.Range(1, 12).Select(i => new PrisonerInput
        {
            FamilyName = tag + (char)('a' + i),
            ServiceNumber = i == 11 ? tag + "-10" : $"{tag}-{i}", // rows 10 and 11: the last of the first chunk and the first of the second
            Nationality = "KP",
            DuplicatesChecked = true,
        }).ToList();

        await using var scope = app.Scope();
        var service = scope.ServiceProvider.GetRequiredService<BatchRegistrationService>();
        service.ChunkSize = 10;
        var result = await service.CreateManyAsync(inputs, TestServices.Officer, CancellationToken.None);

        var error = Assert.Single(result.Errors);
        Assert.Equal(10, error.Index);
        Assert.Equal(nameof(PrisonerInput.ServiceNumber), error.Error.Field);
        Assert.Empty(result.Created);
        Assert.Equal(0, await CountAsync(tag));
    }

    [Fact]
    public async Task TheImport_RefusesARowRepeatingAServiceNumberAcrossAChunkBoundary()
    {
        var tag = Tag();
        var rows = Enumerable.Range(1, 12).Select(i => $"{tag}{(char)('a' + i)},Il,,{(i == 11 ? tag + "-10" : $"{tag}-{i}")},KP,,2025-02-01");
        await using var scope = app.Scope();
        scope.ServiceProvider.GetRequiredService<BatchRegistrationService>().ChunkSize = 10;
        var import = scope.ServiceProvider.GetRequiredService<PrisonerImport>();

        var outcome = await import.ImportAsync(Csv(rows), Desk.DefaultDeskId, skipInvalid: false, TestServices.Officer, CancellationToken.None);

        Assert.False(outcome.Saved);
        var problem = Assert.Single(outcome.Errors);
        Assert.Equal(12, problem.Row); // the file's 11th data row, below the header
        Assert.Equal("service_number", problem.Column);
        Assert.Equal(0, await CountAsync(tag));
    }

    [Fact]
    public async Task ImportOfAPreview_SavesItsRowsWithoutCheckingThemAgain()
    {
        var tag = Tag();
        var rows = Enumerable.Range(1, 25).Select(i => $"{tag}{(char)('a' + i % 26)}{(char)('a' + i / 26)},Il,,{tag}-{i},KP,,2025-02-01").ToList();
        await using var scope = app.Scope();
        var import = scope.ServiceProvider.GetRequiredService<PrisonerImport>();
        var checks = new Counting();
        var preview = await import.PreviewAsync(Csv(rows), Desk.DefaultDeskId, CancellationToken.None, checks);

        var outcome = await import.ImportAsync(preview, skipInvalid: false, TestServices.Officer, CancellationToken.None, checks);

        Assert.True(outcome.Saved);
        Assert.Equal(25, outcome.Created);
        Assert.Equal(25, await CountAsync(tag));
        Assert.Equal(25, checks.Last(ImportStage.Checked)); // one pass of the checks: the import did not report a second
        Assert.Equal(1, checks.Passes(ImportStage.Checked));
    }

    [Fact]
    public async Task ALargeSave_WritesTheRowsEfCoreWouldWrite()
    {
        // 90 records with a capture date and an alias: a record, his capture, his capture card owed and his alias each,
        // 360 rows, over AddedRows.MinRows: saved by prepared statements. The same inputs in chunks of 10 (40 rows a
        // save) go through EF Core's insert. Every column must agree but the ids and the family name (the clock is the fixture's, fixed).
        Assert.True(90 * 4 >= Core.Data.AddedRows.MinRows);
        var tag = Tag();
        List<PrisonerInput> Inputs(string suffix) => Enumerable.Range(0, 90).Select(i => new PrisonerInput
        {
            FamilyName = $"{tag}{suffix}",
            GivenNames = "Yong Chol " + (char)('a' + i % 26),
            InitialAlias = "Alias " + i,
            Rank = "Private",
            DateOfBirth = i % 3 == 0 ? null : $"19{70 + i % 30}-0{1 + i % 9}",
            Nationality = "KP",
            DateOfCapture = "2025-05-0" + (1 + i % 9),
            PlaceOfCapture = "Kursk region",
            HealthStatus = i % 5 == 0 ? HealthStatus.SeriouslySickOrWounded : HealthStatus.Good,
            DuplicatesChecked = true,
        }).ToList();

        async Task<List<int>> Register(List<PrisonerInput> inputs, int chunk)
        {
            await using var scope = app.Scope();
            var service = scope.ServiceProvider.GetRequiredService<BatchRegistrationService>();
            service.ChunkSize = chunk;
            var result = await service.CreateManyAsync(inputs, TestServices.Officer, CancellationToken.None);
            Assert.True(result.Succeeded);
            return result.Created.Select(p => p.Id).ToList();
        }
        var fast = await Register(Inputs("x"), 1000);
        var tracked = await Register(Inputs("y"), 10);

        foreach (var (table, skip) in new[]
        {
            ("Prisoners", new[] { "Id", "Reference", "FamilyName", "SortName" }),
            ("CustodyEvents", ["Id", "PrisonerId"]),
            ("Notifications", ["Id", "PrisonerId", "CustodyEventId"]),
            ("PrisonerAliases", ["Id", "PrisonerId"]),
        })
        {
            var a = await RowsAsync(table, fast, skip);
            var b = await RowsAsync(table, tracked, skip);
            Assert.True(a.Count >= 90, table);
            Assert.Equal(b, a);
        }
        // Each record's capture card points at his own capture, and his search terms are those of his names.
        Assert.Equal(0, await ScalarAsync($"SELECT COUNT(*) FROM \"Notifications\" n JOIN \"CustodyEvents\" c ON c.\"Id\" = n.\"CustodyEventId\" WHERE n.\"PrisonerId\" IN ({string.Join(',', fast)}) AND c.\"PrisonerId\" <> n.\"PrisonerId\""));
        Assert.Equal(await ScalarAsync($"SELECT COUNT(*) FROM \"PrisonerSearchTerms\" WHERE \"PrisonerId\" IN ({string.Join(',', tracked)})"),
            await ScalarAsync($"SELECT COUNT(*) FROM \"PrisonerSearchTerms\" WHERE \"PrisonerId\" IN ({string.Join(',', fast)})"));
        Assert.True((await app.Run((PowRegistryDbContext db) => db.VerifyAuditAsync(CancellationToken.None))).Intact);
        Assert.Empty(await app.Run((PowRegistryDbContext db) => RegisterTallyCheck.VerifyAsync(db, CancellationToken.None)));
    }

    [Fact]
    public async Task ALargeSave_WritesEachRecordsOwnSearchTermsAndEveryAuditEntry()
    {
        // The derived rows of a chunk (DerivedRows: some 900 terms and 176 audit entries here) are written by prepared
        // statements, not the change tracker: every term must be the record's own (as his names give them, in memory),
        // none missing or bound to another record, and every entry in the chain.
        var tag = Tag();
        var inputs = Enumerable.Range(0, 44).Select(i => new PrisonerInput
        {
            FamilyName = tag + (char)('a' + i % 26),
            GivenNames = "Yong Chol " + (char)('a' + i % 26),
            InitialAlias = "리영철 " + i,
            ServiceNumber = $"{tag}-{i}",
            Nationality = "KP",
            DateOfCapture = "2025-05-01",
            DuplicatesChecked = true,
        }).ToList();
        List<int> ids;
        await using (var scope = app.Scope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<BatchRegistrationService>().CreateManyAsync(inputs, TestServices.Officer, CancellationToken.None);
            Assert.True(result.Succeeded);
            ids = result.Created.Select(p => p.Id).ToList();
        }

        await using var db = app.NewDbContext();
        var prisoners = await db.Prisoners.IgnoreQueryFilters().AsNoTracking().Include(p => p.Aliases).Include(p => p.Documents)
            .Where(p => ids.Contains(p.Id)).ToListAsync();
        var expected = prisoners.SelectMany(p => p.SearchTerms().Select(t => (p.Id, t.Kind, t.Term))).Order().ToList();
        var written = (await db.PrisonerSearchTerms.AsNoTracking().Where(t => ids.Contains(t.PrisonerId)).ToListAsync())
            .Select(t => (t.PrisonerId, t.Kind, t.Term)).Order().ToList();
        Assert.True(expected.Count > 44 * 10, $"{expected.Count} terms");
        Assert.Equal(expected, written);

        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.PrisonerId != null && ids.Contains(e.PrisonerId.Value)).ToListAsync();
        Assert.Equal(44 * 4, entries.Count); // the record, his capture, the capture card he is owed, his alias
        Assert.Equal(ids.Order(), entries.Where(e => e.EntityType == nameof(Prisoner)).Select(e => e.PrisonerId!.Value).Order());
        Assert.True((await app.Run((PowRegistryDbContext d) => d.VerifyAuditAsync(CancellationToken.None))).Intact);
    }

    private static string Tag() => "Scale" + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));

    private Task<int> CountAsync(string tag) => app.Run(async (PowRegistryDbContext db) => await db.Prisoners.CountAsync(p => p.FamilyName!.StartsWith(tag)));

    private static PartialDate? Born(ImportRow row) => PartialDate.TryParse(row.Input.DateOfBirth, out var d) ? d : null;

    private static PrisonerInput Copy(PrisonerInput input) => new()
    {
        FamilyName = input.FamilyName,
        GivenNames = input.GivenNames,
        InitialAlias = input.InitialAlias,
        ServiceNumber = input.ServiceNumber,
        Nationality = input.Nationality,
        DateOfBirth = input.DateOfBirth,
    };

    private async Task<List<string>> RowsAsync(string table, List<int> prisonerIds, string[] skip)
    {
        await using var db = app.NewDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var key = table == "Prisoners" ? "Id" : "PrisonerId";
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{key}\" IN ({string.Join(',', prisonerIds)}) ORDER BY \"{key}\", \"Id\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Where(i => !skip.Contains(reader.GetName(i)))
                .Select(i => reader.GetName(i) + "=" + (reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)))));
        }
        return rows;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var db = app.NewDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed class Counting : IProgress<ImportProgress>
    {
        private readonly List<ImportProgress> _seen = [];

        public void Report(ImportProgress value) => _seen.Add(value);

        public int Last(ImportStage stage) => _seen.Last(p => p.Stage == stage).Done;

        /// <summary>A pass starts again from a smaller count.</summary>
        public int Passes(ImportStage stage) => _seen.Where(p => p.Stage == stage).Select(p => p.Done)
            .Aggregate((Passes: 0, Last: int.MaxValue), (a, done) => (done < a.Last ? a.Passes + 1 : a.Passes, done)).Passes;
    }
}
