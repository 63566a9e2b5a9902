using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Exchange;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// Operator commands, run instead of the web server: `dotnet run --project src/PowRegistry.Web -- COMMAND ...`.
/// Each returns a process exit code (0 = success).
/// </summary>
public static class Commands
{
    private static readonly Dictionary<string, Func<IServiceProvider, string[], Task<int>>> All = new(StringComparer.Ordinal)
    {
        ["verify-audit"] = VerifyAuditAsync,
        ["verify-tallies"] = VerifyTalliesAsync,
        ["backup"] = BackupAsync,
        ["create-token"] = CreateTokenAsync,
        ["import"] = ImportAsync,
        ["retention"] = RetentionAsync,
    };

    public static bool IsKnown(string word) => All.ContainsKey(word);

    /// <summary>The commands' own words, in the operator's language (LANG: ko_KR.UTF-8, uk_UA.UTF-8; English otherwise).</summary>
    private static Microsoft.Extensions.Localization.IStringLocalizer Words(IServiceProvider services) =>
        services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();

    public static async Task<int> RunAsync(WebApplication app, string command, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        return await All[command](scope.ServiceProvider, args);
    }

    /// <summary>Walks the audit chain; exit code 0 when intact, 1 when broken (the first broken entry is named).</summary>
    private static async Task<int> VerifyAuditAsync(IServiceProvider services, string[] args)
    {
        var result = await services.GetRequiredService<PowRegistryDbContext>().VerifyAuditAsync(CancellationToken.None);
        await Console.Out.WriteLineAsync(services.GetRequiredService<MessageText>()[result.Message]);
        return result.Intact ? 0 : 1;
    }

    /// <summary>
    /// `verify-tallies [--rebuild]`: counts the records again and compares with the review's kept counts (ADR-015);
    /// exit code 0 when they agree, 1 naming each that differs (desk id, figure, value, kept, counted). --rebuild first
    /// builds them again from the records (after a change made behind the application's back, e.g. a restore by hand).
    /// </summary>
    private static async Task<int> VerifyTalliesAsync(IServiceProvider services, string[] args)
    {
        var t = Words(services);
        var db = services.GetRequiredService<PowRegistryDbContext>();
        if (args is ["--rebuild"])
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync(db.Database.RebuildTalliesSql());
            await transaction.CommitAsync();
            await Console.Out.WriteLineAsync(t["The review's counts were built again from the records."]);
        }
        else if (args.Length > 0)
        {
            await Console.Error.WriteLineAsync(t["Usage: verify-tallies [--rebuild]"]);
            return 2;
        }
        var mismatches = await Core.Prisoners.RegisterTallyCheck.VerifyAsync(db, CancellationToken.None);
        foreach (var m in mismatches)
        {
            await Console.Out.WriteLineAsync(t["Desk {0}, {1} {2}: kept {3}, counted {4}", m.DeskId, m.Dimension, m.Value, m.Kept, m.Counted]);
        }
        await Console.Out.WriteLineAsync(mismatches.Count == 0
            ? t["The review's counts agree with the records."]
            : t["{0} of the review's counts differ from the records: run verify-tallies --rebuild.", mismatches.Count]);
        return mismatches.Count == 0 ? 0 : 1;
    }

    /// <summary>A consistent copy of the database, safe while the application runs (SQLite's VACUUM INTO).</summary>
    private static async Task<int> BackupAsync(IServiceProvider services, string[] args)
    {
        var t = Words(services);
        if (args.Length != 1 || string.IsNullOrWhiteSpace(args[0]))
        {
            await Console.Error.WriteLineAsync(t["Usage: backup PATH   (PATH must not exist yet)"]);
            return 2;
        }
        var path = Path.GetFullPath(args[0]);
        if (File.Exists(path))
        {
            await Console.Error.WriteLineAsync(t["{0} already exists: choose a new file name.", path]);
            return 2;
        }
        await DatabaseSetup.BackupAsync(services.GetRequiredService<PowRegistryDbContext>(), path, CancellationToken.None);
        await Console.Out.WriteLineAsync(t["Backup written to {0}", path]);
        return 0;
    }

    /// <summary>
    /// Issues an API token for a user: `create-token --email ADDRESS --scope read|read-write --days N [--name TEXT]`.
    /// The token is printed once, on its own line after "Token: "; only its hash is kept.
    /// </summary>
    private static async Task<int> CreateTokenAsync(IServiceProvider services, string[] args)
    {
        var t = Words(services);
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var email = Option("--email");
        var scope = Option("--scope") switch
        {
            "read" => Core.Api.ApiTokenScope.Read,
            "read-write" => Core.Api.ApiTokenScope.ReadWrite,
            _ => (Core.Api.ApiTokenScope?)null,
        };
        if (email is null || scope is null || !int.TryParse(Option("--days") ?? "90", System.Globalization.CultureInfo.InvariantCulture, out var days))
        {
            await Console.Error.WriteLineAsync(t["Usage: create-token --email ADDRESS --scope read|read-write [--days N (default 90)] [--name TEXT]"]);
            return 2;
        }
        var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Core.Accounts.AppUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await Console.Error.WriteLineAsync(t["No user has this email address."]);
            return 1;
        }
        var result = await services.GetRequiredService<Core.Api.ApiTokenService>().IssueAsync(
            new Core.Api.ApiTokenInput { UserId = user.Id, Scope = scope, Days = days, Name = Option("--name") ?? "Issued from the command line" }, Actor.System, CancellationToken.None);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) await Console.Error.WriteLineAsync(services.GetRequiredService<MessageText>()[error]);
            return 1;
        }
        var (token, secret) = result.Value;
        await Console.Out.WriteLineAsync(t["API token {0} for {1}, {2}, valid until {3:yyyy-MM-dd HH:mm} UTC. It is shown only now:", token.Id, email, scope, token.ExpiresAt]);
        await Console.Out.WriteLineAsync($"Token: {secret}");
        return 0;
    }

    /// <summary>
    /// `import FILE --desk NAME [--skip-invalid] [--dry-run]`: the CSV import of /Prisoners/Import, run by an operator.
    /// Prints problems by row and column, and possible duplicates by reference only (no names on a console that may be logged).
    /// Prints progress (counts only) every 10,000 rows: checked, searched for duplicates, saved.
    /// Exit code 0 when the rows were registered (or, with --dry-run, when the file is valid), 1 when nothing was saved, 2 on usage errors.
    /// </summary>
    private static async Task<int> ImportAsync(IServiceProvider services, string[] args)
    {
        var t = Words(services);
        string? file = null, desk = null;
        bool skipInvalid = false, dryRun = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--desk" when i + 1 < args.Length: desk = args[++i]; break;
                case "--skip-invalid": skipInvalid = true; break;
                case "--dry-run": dryRun = true; break;
                case var a when file is null && !a.StartsWith("--", StringComparison.Ordinal): file = a; break;
                default: file = null; desk = null; i = args.Length; break;
            }
        }
        if (file is null || string.IsNullOrWhiteSpace(desk))
        {
            await Console.Error.WriteLineAsync(t["Usage: import FILE --desk NAME [--skip-invalid] [--dry-run]   (FILE: UTF-8 CSV with the columns of the template at /Prisoners/Import)"]);
            return 2;
        }
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync(t["{0} does not exist.", file]);
            return 2;
        }
        var desks = await services.GetRequiredService<DeskService>().ListAsync(CancellationToken.None);
        var deskId = desks.FirstOrDefault(d => string.Equals(d.Name, desk.Trim(), StringComparison.OrdinalIgnoreCase))?.Id;
        if (deskId is null)
        {
            await Console.Error.WriteLineAsync(t["No desk is called “{0}”. Desks: {1}", desk, string.Join(", ", desks.Select(d => d.Name))]);
            return 2;
        }
        if (new FileInfo(file).Length > PrisonerImport.MaxBytes)
        {
            await Console.Error.WriteLineAsync(t["The file is larger than {0} KB: split it into smaller files. Nothing was saved.", PrisonerImport.MaxBytes / 1024]);
            return 1;
        }

        var import = services.GetRequiredService<PrisonerImport>();
        var bytes = await File.ReadAllBytesAsync(file);
        var progress = new ImportConsoleProgress();
        using var names = Core.Names.NameKeyMemo.Open(); // the checks and the save share the words' keys
        var preview = await import.PreviewAsync(bytes, deskId, CancellationToken.None, progress);
        var text = services.GetRequiredService<MessageText>();
        foreach (var problem in preview.FileErrors.Concat(preview.Rows.SelectMany(r => r.Errors)))
        {
            await Console.Out.WriteLineAsync(problem.Row == 0 ? text[problem.Message] : t["Row {0}, {1}: {2}", problem.Row, problem.Column, text[problem.Message]]);
        }
        foreach (var row in preview.Rows.Where(r => r.PossibleDuplicates.Count > 0))
        {
            await Console.Out.WriteLineAsync(t["Row {0}: may be the same man as {1}", row.Row, string.Join("; ", row.PossibleDuplicates.Select(d => $"{(d.FileRow is { } row ? text[new Message("Duplicate.RowOfThisFile", row)] : d.Reference)} ({text[d.Why]})"))]);
        }
        if (preview.Refused)
        {
            await Console.Out.WriteLineAsync(t["The file was refused. Nothing was saved."]);
            return 1;
        }
        if (dryRun)
        {
            await Console.Out.WriteLineAsync(t["Dry run: {0} valid rows, {1} with errors. Nothing was saved.", preview.ValidCount, preview.InvalidCount]);
            return preview.InvalidCount == 0 ? 0 : 1;
        }

        var outcome = await import.ImportAsync(preview, skipInvalid, Core.Common.Actor.System, CancellationToken.None, progress); // the rows checked above, not checked again
        if (!outcome.Saved)
        {
            if (preview.InvalidCount > 0 && !skipInvalid) await Console.Out.WriteLineAsync(t["Some rows have errors: fix them, or pass --skip-invalid to import the valid rows only."]);
            foreach (var error in outcome.Errors.Where(e => preview.Rows.All(r => r.IsValid) || e.Row == 0)) await Console.Out.WriteLineAsync(t["Row {0}, {1}: {2}", error.Row, error.Column, text[error.Message]]);
            await Console.Out.WriteLineAsync(t["Nothing was saved."]);
            return 1;
        }
        if (outcome.Incomplete)
        {
            // ADR-017: the chunks before the failing one are saved; the officer removes rows up to the last saved one and runs the rest.
            foreach (var error in outcome.Errors) await Console.Out.WriteLineAsync(t["Row {0}, {1}: {2}", error.Row, error.Column, text[error.Message]]);
            await Console.Out.WriteLineAsync(t["The import stopped: {0} prisoners were registered, up to row {1} of the file; the rows after it were not saved. Import them again once the rows above are fixed.", outcome.Created, outcome.LastSavedRow?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0"]);
            await Console.Out.WriteLineAsync(t["Registered: {0}", $"{outcome.References[0]} … {outcome.References[^1]}"]);
            return 1;
        }
        await Console.Out.WriteLineAsync(t["{0} prisoners registered, {1} rows skipped.", outcome.Created, outcome.SkippedRows]);
        await Console.Out.WriteLineAsync(t["Registered: {0}", outcome.Created <= 20
            ? string.Join(", ", outcome.References)
            : $"{outcome.References[0]} … {outcome.References[^1]}"]);
        return 0;
    }

    /// <summary>
    /// `retention --dry-run | --apply` (ADR-024): lists the closed records due for anonymisation and why (references
    /// only: no names on a console that may be logged), the held ones as kept, and what else is past its years; --apply
    /// anonymises the due records that are not held (and removes the documents and viewers past their years), under the same lease as the app's daily run.
    /// Exit code 0 when done (or listed), 1 when a record could not be anonymised or an access entry fails verification, 2 on usage errors.
    /// </summary>
    private static async Task<int> RetentionAsync(IServiceProvider services, string[] args)
    {
        var t = Words(services);
        if (args is not (["--dry-run"] or ["--apply"]))
        {
            await Console.Error.WriteLineAsync(t["Usage: retention --dry-run | --apply"]);
            return 2;
        }
        var retention = services.GetRequiredService<Core.Retention.RetentionService>();
        var options = services.GetRequiredService<Core.Retention.RetentionOptions>();
        var text = services.GetRequiredService<MessageText>();
        var due = await retention.DueAsync(null, CancellationToken.None);
        foreach (var d in due)
        {
            await Console.Out.WriteLineAsync(d.Held
                ? t["{0}: closed ({1}) on {2:yyyy-MM-dd}, due on {3:yyyy-MM-dd}; kept: on legal hold.", d.Reference, text.Label(d.ClosedAs), d.ClosedOn, d.DueOn]
                : t["{0}: closed ({1}) on {2:yyyy-MM-dd}, due on {3:yyyy-MM-dd} ({4} years after closing): to be anonymised.", d.Reference, text.Label(d.ClosedAs), d.ClosedOn, d.DueOn, options.ClosedRecordYears]);
        }
        var (documents, accesses) = await retention.OtherDueCountsAsync(CancellationToken.None);
        await Console.Out.WriteLineAsync(t["Consultation documents older than {0} years, to be removed: {1}.", options.DocumentYears, documents]);
        await Console.Out.WriteLineAsync(t["Access entries older than {0} years, whose viewer is to be removed: {1}.", options.AccessLogYears, accesses]);
        if (args[0] == "--dry-run")
        {
            await Console.Out.WriteLineAsync(t["Dry run: {0} records due, {1} of them held. Nothing was changed.", due.Count, due.Count(d => d.Held)]);
            return 0;
        }
        Core.Retention.RetentionRun run;
        await using (await services.GetRequiredService<Core.Instances.Leases>().AcquireAsync(Core.Retention.RetentionSchedule.Lease, CancellationToken.None))
        {
            run = await retention.ApplyAsync(Core.Common.Actor.System, CancellationToken.None);
        }
        foreach (var (d, broken) in run.Failed) await Console.Out.WriteLineAsync($"{d.Reference}: {text[new Message("Retention.AuditBroken", broken)]}");
        if (run.AccessExpiryBrokenAt is { } brokenAccess) await Console.Out.WriteLineAsync(text[new Message("Retention.AccessExpiryBroken", brokenAccess)]);
        await Console.Out.WriteLineAsync(t["{0} records anonymised, {1} kept on legal hold, {2} failed; {3} consultation documents removed; {4} access entries expired.", run.Anonymised.Count, run.Held.Count, run.Failed.Count, run.DocumentsRemoved, run.AccessEntriesExpired]);
        return run.Failed.Count == 0 && run.AccessExpiryBrokenAt is null ? 0 : 1;
    }
}
