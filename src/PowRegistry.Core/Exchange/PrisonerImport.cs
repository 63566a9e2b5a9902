using System.Globalization;

using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;
using PowRegistry.Core.Names;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Exchange;

/// <summary>
/// Prisoner import from a CSV file (UTF-8, header row, the columns of <see cref="ImportColumns"/>). The preview checks
/// every row exactly as the registration form would (through <see cref="BatchRegistrationService"/>) and saves nothing; the
/// import then registers the valid rows in chunks through <see cref="BatchRegistrationService.CreateManyAsync"/> (ADR-017).
/// </summary>
public sealed class PrisonerImport(BatchRegistrationService prisoners, PossibleDuplicates possibleDuplicates, ILogger<PrisonerImport> logger)
{
    public const int MaxBytes = 64 * 1024 * 1024;
    public const int MaxRows = 100_000;
    private const int MaxCell = 5000;
    private const int MaxListedProblems = 50;

    /// <summary>Parses and checks the file, with the possible duplicates of each valid row; saves nothing.</summary>
    public Task<ImportPreview> PreviewAsync(byte[] file, int? deskId, CancellationToken ct, IProgress<ImportProgress>? progress = null) =>
        CheckAsync(file, deskId, searchDuplicates: true, progress, ct);

    /// <summary>
    /// Parses the file and runs every row's checks. The search for possible duplicates on the register is left out when
    /// <paramref name="searchDuplicates"/> is false: the import has shown them in the preview already.
    /// </summary>
    private async Task<ImportPreview> CheckAsync(byte[] file, int? deskId, bool searchDuplicates, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var parsed = Parse(file, deskId);
        if (parsed.Refused) return parsed;
        using var names = NameKeyMemo.Open(); // the duplicate search and the within-file comparison read the same names' keys

        var total = parsed.Rows.Count;
        var checks = await prisoners.CheckNewAsync(parsed.Rows.Select(r => r.Input).ToList(), ct,
            progress is null ? null : new ProgressRelay(n => progress.Report(new ImportProgress(ImportStage.Checked, n, total))));
        var rows = new List<ImportRow>(total);
        for (var i = 0; i < parsed.Rows.Count; i++)
        {
            var row = parsed.Rows[i];
            rows.Add(row with { Errors = [.. row.Errors, .. checks.Refusals[i].Select(e => new ImportProblem(row.Row, ColumnOf(e.Field), e.Message))] });
        }
        if (searchDuplicates)
        {
            var valid = rows.Where(r => r.Errors.Count == 0).ToList();
            var found = await possibleDuplicates.FindManyAsync(valid.Select(r => r.Input).ToList(), ct,
                progress is null ? null : new ProgressRelay(n => progress.Report(new ImportProgress(ImportStage.Searched, n, valid.Count))));
            var byRow = valid.Select((r, i) => (r.Row, Found: found[i])).ToDictionary(x => x.Row, x => x.Found);
            rows = rows.Select(r => byRow.TryGetValue(r.Row, out var d) && d.Count > 0
                ? r with { PossibleDuplicates = d.Select(c => new ImportDuplicate(c.Reference, null, c.DisplayName, c.Why)).ToList() }
                : r).ToList();
        }
        return new ImportPreview([], WithinFile(rows)) { Checked = checks };
    }

    /// <summary>
    /// Registers the file's rows. Every row is checked first: with invalid rows, nothing is saved unless
    /// <paramref name="skipInvalid"/>; then the valid rows are saved and the others are reported as skipped. The rows
    /// are saved in chunks, each its own transaction (ADR-017): should a chunk fail (another officer took a service
    /// number since the checks), the chunks before it stay saved, the outcome says so (<see cref="ImportOutcome.Incomplete"/>,
    /// with the last file row saved) and the rest is not saved. The officer has seen the possible duplicates in the
    /// preview, so confirming registers them as different men.
    /// </summary>
    public async Task<ImportOutcome> ImportAsync(byte[] file, int? deskId, bool skipInvalid, Actor actor, CancellationToken ct, IProgress<ImportProgress>? progress = null)
    {
        using var names = NameKeyMemo.Open(); // the checks and the save share the words' keys
        return await ImportAsync(await CheckAsync(file, deskId, searchDuplicates: false, progress, ct), skipInvalid, actor, ct, progress);
    }

    /// <summary>
    /// Registers the rows of a preview just made by <see cref="PreviewAsync"/>, without checking them again (the command
    /// line shows the preview, then imports: one check of the file, not two). As <see cref="ImportAsync(byte[], int?, bool, Actor, CancellationToken, IProgress{ImportProgress}?)"/>
    /// otherwise; a service number taken since the preview is still refused, by the register's unique index, at save time.
    /// </summary>
    public async Task<ImportOutcome> ImportAsync(ImportPreview preview, bool skipInvalid, Actor actor, CancellationToken ct, IProgress<ImportProgress>? progress = null)
    {
        if (preview.Refused) return new ImportOutcome(false, [], [], preview.FileErrors);
        var batch = preview.Checked ?? throw new ArgumentException("The preview must come from PreviewAsync.", nameof(preview));
        var invalid = preview.Rows.Where(r => !r.IsValid).SelectMany(r => r.Errors).ToList();
        if (invalid.Count > 0 && !skipInvalid) return new ImportOutcome(false, [], [], invalid);

        var valid = Enumerable.Range(0, preview.Rows.Count).Where(i => preview.Rows[i].IsValid).ToList();
        if (valid.Count == 0) return new ImportOutcome(false, [], invalid, [new ImportProblem(0, "", new Message("Import.NoValidRow"))]);
        foreach (var i in valid) preview.Rows[i].Input.DuplicatesChecked = true;

        var result = await prisoners.SaveCheckedAsync(batch, valid, actor, ct,
            progress is null ? null : new ProgressRelay(n => progress.Report(new ImportProgress(ImportStage.Saved, n, valid.Count))));
        var errors = result.Errors.Select(e => new ImportProblem(preview.Rows[e.Index].Row, ColumnOf(e.Error.Field), e.Error.Message)).ToList();
        if (result.Created.Count == 0)
        {
            // Something changed since the checks (e.g. another officer took a service number): nothing was kept.
            return new ImportOutcome(false, [], [], errors);
        }
        if (!result.Succeeded)
        {
            logger.LogWarning("Import by {UserId} stopped after {Created} prisoners: a chunk failed at save time", actor.UserId, result.Created.Count);
            return new ImportOutcome(true, result.Created.Select(p => p.Reference).ToList(), invalid, errors) { LastSavedRow = preview.Rows[valid[result.Created.Count - 1]].Row };
        }
        logger.LogInformation("Import by {UserId}: {Created} prisoners registered, {Skipped} rows skipped", actor.UserId, result.Created.Count, preview.InvalidCount);
        return new ImportOutcome(true, result.Created.Select(p => p.Reference).ToList(), invalid, []);
    }

    /// <summary>The file itself: encoding, size, header, shape and formula cells. Rows come back with their cell errors only.</summary>
    public static ImportPreview Parse(byte[] file, int? deskId)
    {
        if (file.Length > MaxBytes) return ImportPreview.Refuse(new Message("Import.FileTooLarge", MaxBytes / 1024, MaxRows));
        var read = Csv.Read(file, MaxRows + 1, MaxCell);
        if (read.Error is not null) return ImportPreview.Refuse(read.Error);

        var header = read.Records[0].Cells;
        var fileErrors = new List<ImportProblem>();
        var columns = new List<ImportColumn>();
        foreach (var name in header)
        {
            if (ImportColumns.Find(name) is not { } column)
            {
                fileErrors.Add(new ImportProblem(1, Shorten(name), new Message("Import.UnknownColumn", Shorten(name))));
            }
            else if (columns.Contains(column))
            {
                fileErrors.Add(new ImportProblem(1, column.Name, new Message("Import.ColumnTwice", column.Name)));
            }
            else
            {
                columns.Add(column);
            }
        }
        foreach (var missing in ImportColumns.All.Where(c => c.Required && !columns.Contains(c)))
        {
            fileErrors.Add(new ImportProblem(1, missing.Name, new Message("Import.ColumnMissing", missing.Name)));
        }
        if (fileErrors.Count > 0) return new ImportPreview(fileErrors, []);
        if (read.Records.Count == 1) return ImportPreview.Refuse(new Message("Import.NoRows"));

        for (var i = 1; i < read.Records.Count && fileErrors.Count < MaxListedProblems; i++)
        {
            var cells = read.Records[i].Cells;
            if (cells.Count != header.Count)
            {
                fileErrors.Add(new ImportProblem(i + 1, "", new Message("Import.CellCount", cells.Count, header.Count)));
                continue;
            }
            for (var c = 0; c < cells.Count; c++)
            {
                // The value is trimmed before it is stored, so " =HYPERLINK(…)" must be caught as well as "=HYPERLINK(…)".
                var trimmed = cells[c].Trim();
                var formula = Csv.LooksLikeFormula(cells[c]) ? cells[c] : Csv.LooksLikeFormula(trimmed) ? trimmed : null;
                if (formula is not null)
                {
                    fileErrors.Add(new ImportProblem(i + 1, columns[c].Name,
                        new Message("Import.Formula", Printable(formula[0]))));
                }
            }
        }
        if (fileErrors.Count > 0) return new ImportPreview(fileErrors, []);

        var rows = new List<ImportRow>();
        for (var i = 1; i < read.Records.Count; i++)
        {
            var input = new PrisonerInput { DeskId = deskId };
            var errors = new List<ImportProblem>();
            var cells = read.Records[i].Cells;
            for (var c = 0; c < cells.Count; c++)
            {
                if (columns[c].Apply(input, cells[c].Trim()) is { } message) errors.Add(new ImportProblem(i + 1, columns[c].Name, message));
            }
            rows.Add(new ImportRow(i + 1, input, errors, []));
        }
        return new ImportPreview([], rows);
    }

    /// <summary>
    /// Rows of the same file that are the same man: the same service number (refused), or a similar name and date of
    /// birth (shown). Each row gets exactly the answers of comparing it with every earlier row by <see cref="SameMan"/>,
    /// without 5 billion comparisons for 100,000 rows. Names are compared once per pair of distinct names (a file of
    /// 100,000 rows holds far fewer; <see cref="FileNameIndex"/> finds the pairs, the comparison confirms them), and
    /// of the earlier rows with a matching name only those born in the same year, or whose birth is unknown, are
    /// looked at: partial dates of different years cannot overlap (<see cref="PartialDate.MayBeSameDay"/>). So the work
    /// follows the answers, not the square of the rows (common names were the import's slowest part: 2.3 of 10 s at
    /// 5,000 rows, minutes at 100,000).
    /// </summary>
    private static List<ImportRow> WithinFile(List<ImportRow> rows)
    {
        var nameIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<(IReadOnlyList<NameQueryTerm> Query, IReadOnlySet<string> Keys)>();
        var keys = new List<(int Name, PartialDate? Born, string? Number, string? Nationality)>(rows.Count);
        foreach (var r in rows)
        {
            if (!nameIds.TryGetValue(r.Name, out var id))
            {
                nameIds[r.Name] = id = names.Count;
                names.Add((NameKeys.ForQuery(r.Name), NameKeys.For(r.Name)));
            }
            keys.Add((id, PartialDate.TryParse(r.Input.DateOfBirth, out var d) ? d : null, Text.Clean(r.Input.ServiceNumber), Text.Clean(r.Input.Nationality)));
        }
        var index = new FileNameIndex(names.Select(n => n.Keys).ToList());
        // Each distinct name's matching names (each finds the other as a query), worked out once: the rows' comparisons
        // below look the answer up instead of matching the two names' keys again for every pair of rows.
        var matching = new Dictionary<int, HashSet<int>>();
        HashSet<int> NamesMatching(int name)
        {
            if (!matching.TryGetValue(name, out var found))
            {
                var (query, own) = names[name];
                found = [];
                foreach (var other in index.Meeting(query))
                {
                    if (NameKeys.Matches(query, names[other].Keys) && NameKeys.Matches(names[other].Query, own)) found.Add(other);
                }
                matching[name] = found;
            }
            return found;
        }

        const int bornUnknown = 0; // PartialDate years start at 1
        var byName = new Dictionary<int, List<int>>();
        var byNameAndYear = new Dictionary<(int Name, int Year), List<int>>();
        var byNumber = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var result = new List<ImportRow>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var errors = row.Errors.ToList();
            var duplicates = row.PossibleDuplicates.ToList();
            var earlier = new HashSet<int>();
            if (keys[i].Number is { } n && byNumber.TryGetValue(n, out var sameNumber)) earlier.UnionWith(sameNumber);
            if (names[keys[i].Name].Query.Count > 0)
            {
                foreach (var other in NamesMatching(keys[i].Name))
                {
                    if (keys[i].Born is not { } born)
                    {
                        if (byName.TryGetValue(other, out var all)) earlier.UnionWith(all);
                        continue;
                    }
                    if (byNameAndYear.TryGetValue((other, born.Year), out var sameYear)) earlier.UnionWith(sameYear);
                    if (byNameAndYear.TryGetValue((other, bornUnknown), out var unknown)) earlier.UnionWith(unknown);
                }
            }
            foreach (var j in earlier.Order())
            {
                switch (SameMan(keys[i], keys[j], NamesMatching))
                {
                    case Match.SameNumberAndCountry:
                        errors.Add(new ImportProblem(row.Row, "service_number", new Message("Import.SameNumberInFile", rows[j].Row)));
                        break;
                    case Match.SameNumber:
                        duplicates.Add(new ImportDuplicate(null, rows[j].Row, null, new Message("Duplicate.SameServiceNumber")));
                        break;
                    case Match.SimilarNameAndBirth:
                        duplicates.Add(new ImportDuplicate(null, rows[j].Row, null, new Message("Duplicate.SimilarNameAndBirth")));
                        break;
                }
            }
            if (keys[i].Number is { } own)
            {
                if (!byNumber.TryGetValue(own, out var list)) byNumber[own] = list = [];
                list.Add(i);
            }
            Add(byName, keys[i].Name, i);
            Add(byNameAndYear, (keys[i].Name, keys[i].Born?.Year ?? bornUnknown), i);
            result.Add(row with { Errors = errors, PossibleDuplicates = duplicates });
        }
        return result;
    }

    private static void Add<TKey>(Dictionary<TKey, List<int>> lists, TKey key, int row) where TKey : notnull
    {
        if (!lists.TryGetValue(key, out var list)) lists[key] = list = [];
        list.Add(row);
    }

    private enum Match { None, SameNumberAndCountry, SameNumber, SimilarNameAndBirth }

    /// <summary>
    /// The rule for two rows of one file: the same service number and nationality is the same man (refused); the same
    /// number under another nationality may be; else a name that matches the other's both ways (one written as a query
    /// finds the other) with a date of birth that fits may be. A row without name words is compared by number only.
    /// </summary>
    private static Match SameMan((int Name, PartialDate? Born, string? Number, string? Nationality) a, (int Name, PartialDate? Born, string? Number, string? Nationality) b,
        Func<int, HashSet<int>> namesMatching)
    {
        if (a.Number is { } number && number == b.Number)
        {
            return string.Equals(a.Nationality, b.Nationality, StringComparison.OrdinalIgnoreCase) ? Match.SameNumberAndCountry : Match.SameNumber;
        }
        // namesMatching(a): the names whose keys a's query matches and whose query matches a's keys (none without name words).
        return namesMatching(a.Name).Contains(b.Name) && PartialDate.MayBeSameDay(a.Born, b.Born)
            ? Match.SimilarNameAndBirth
            : Match.None;
    }

    /// <summary>The file column of a form field the service named (e.g. DateOfBirth → date_of_birth).</summary>
    public static string ColumnOf(string field) => field switch
    {
        "" => "",
        nameof(PrisonerInput.InitialAlias) => "alias",
        nameof(PrisonerInput.DeskId) => "(desk)",
        nameof(PrisonerInput.DuplicatesChecked) => "",
        _ => string.Concat(field.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())),
    };

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;

    private static string Printable(char c) => c switch
    {
        '\t' => "a tab",
        '\r' => "a carriage return",
        _ => c.ToString(CultureInfo.InvariantCulture),
    };
}
