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
    public async Task<ImportOutcome> ImportAsync(byte[] file, int? deskId, bool skipInvalid, Actor actor, CancellationToken ct, IProgress<ImportProgress>? progress = null) =>
        await ImportAsync(await CheckAsync(file, deskId, searchDuplicates: false, progress, ct), skipInvalid, actor, ct, progress);

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
    /// birth (shown). Each row is compared with the earlier rows that share its service number or meet its name
    /// (<see cref="FileNameIndex"/>), in row order, with exactly the comparison below: the same answers as comparing it
    /// with every earlier row, without 5 billion comparisons for 100,000 rows.
    /// </summary>
    private static List<ImportRow> WithinFile(List<ImportRow> rows)
    {
        var keys = rows.Select(r => (Query: NameKeys.ForQuery(r.Name), Keys: NameKeys.For(r.Name), Born: PartialDate.TryParse(r.Input.DateOfBirth, out var d) ? d : null,
            Number: Text.Clean(r.Input.ServiceNumber), Nationality: Text.Clean(r.Input.Nationality))).ToList();
        var index = new FileNameIndex(keys.Select(k => k.Keys).ToList());
        var byNumber = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var result = new List<ImportRow>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var errors = row.Errors.ToList();
            var duplicates = row.PossibleDuplicates.ToList();
            var sameNumber = keys[i].Number is { } n && byNumber.TryGetValue(n, out var earlier) ? earlier : [];
            foreach (var j in index.Candidates(keys[i].Query, before: i).Union(sameNumber).Order())
            {
                var other = rows[j];
                if (keys[i].Number is { } number && number == keys[j].Number)
                {
                    if (string.Equals(keys[i].Nationality, keys[j].Nationality, StringComparison.OrdinalIgnoreCase))
                    {
                        errors.Add(new ImportProblem(row.Row, "service_number", new Message("Import.SameNumberInFile", other.Row)));
                        continue;
                    }
                    duplicates.Add(new ImportDuplicate(null, other.Row, null, new Message("Duplicate.SameServiceNumber")));
                }
                else if (NameKeys.Matches(keys[i].Query, keys[j].Keys) && NameKeys.Matches(keys[j].Query, keys[i].Keys) && PartialDate.MayBeSameDay(keys[i].Born, keys[j].Born))
                {
                    duplicates.Add(new ImportDuplicate(null, other.Row, null, new Message("Duplicate.SimilarNameAndBirth")));
                }
            }
            if (keys[i].Number is { } own)
            {
                if (!byNumber.TryGetValue(own, out var list)) byNumber[own] = list = [];
                list.Add(i);
            }
            result.Add(row with { Errors = errors, PossibleDuplicates = duplicates });
        }
        return result;
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
