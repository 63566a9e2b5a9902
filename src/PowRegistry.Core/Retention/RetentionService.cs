using System.Globalization;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Retention;

/// <summary>
/// What is due under the retention rules and doing it (ADR-024): the due list, legal holds, the run that anonymises
/// what is due (and removes documents and viewers past their years), and early anonymisation on request (two administrators). Administrators only, or the system.
/// </summary>
public sealed class RetentionService(PowRegistryDbContext db, Anonymiser anonymiser, Audit.AuditKey auditKey, RetentionOptions options, TimeProvider clock,
    CurrentUser currentUser, ILogger<RetentionService> logger)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Closed records not yet anonymised whose time is up by <paramref name="by"/> (today when null), held ones included and marked.</summary>
    public Task<IReadOnlyList<RetentionDue>> DueAsync(DateOnly? by, CancellationToken ct) => DueAsync(by, after: null, ct);

    /// <summary>
    /// As above; with <paramref name="after"/>, only records closed in the window that could fall due after that day
    /// (a day wider, for 29 February; the caller applies the exact rule). The window is found from the closing custody
    /// events it holds (index on kind and date), not by reading every closed record: the review asks on every view.
    /// </summary>
    private async Task<IReadOnlyList<RetentionDue>> DueAsync(DateOnly? by, DateOnly? after, CancellationToken ct)
    {
        var cutoff = (by ?? Today).AddYears(-options.ClosedRecordYears);
        var closedStatuses = Prisoner.ClosedStatuses;
        var closingKinds = Prisoner.ClosingKinds;
        var closedAfter = after?.AddYears(-options.ClosedRecordYears).AddDays(-1);
        var prisoners = db.Prisoners.Where(p => p.AnonymisedAt == null && closedStatuses.Contains(p.CustodyStatus));
        if (closedAfter is { } from)
        {
            // Two look-ups by index (the events in the window, then those records by key): as one statement, SQLite
            // preferred walking every closed record and testing each against the window.
            // The closing kinds are fixed, so they go into the SQL as constants: with a list parameter EF Core writes the
            // statement again on every call, a tenth of the review's time (it asks on every view).
            var closedInWindow = await db.CustodyEvents.Where(e => EF.Constant(closingKinds).Contains(e.Kind) && e.Date > from && e.Date <= cutoff)
                .Select(e => e.PrisonerId).Distinct().ToListAsync(ct);
            if (closedInWindow.Count == 0) return [];
            prisoners = prisoners.Where(p => closedInWindow.Contains(p.Id));
        }
        var rows = await prisoners
            .Select(p => new
            {
                p.Id,
                p.Reference,
                p.DeskId,
                p.CustodyStatus,
                p.LegalHoldReason,
                ClosedOn = p.CustodyEvents.Where(e => closingKinds.Contains(e.Kind)).Max(e => (DateOnly?)e.Date),
            })
            .Where(p => p.ClosedOn != null && p.ClosedOn <= cutoff)
            .OrderBy(p => p.ClosedOn).ThenBy(p => p.Id)
            .ToListAsync(ct);
        return rows.Select(r => new RetentionDue(r.Id, r.Reference, r.DeskId, r.CustodyStatus, r.ClosedOn!.Value,
            r.ClosedOn.Value.AddYears(options.ClosedRecordYears), r.LegalHoldReason)).ToList();
    }

    /// <summary>What falls due within the review's horizon (30 days), not yet due today: for the administrators' review.</summary>
    public async Task<IReadOnlyList<RetentionDue>> FallingDueSoonAsync(CancellationToken ct) =>
        (await DueAsync(Today.AddDays(RetentionOptions.ReviewHorizonDays), after: Today, ct)).Where(d => d.DueOn > Today).ToList();

    /// <summary>Consultation documents past DocumentYears, and access entries past AccessLogYears: what the run removes besides records.</summary>
    public async Task<(int Documents, int AccessEntries)> OtherDueCountsAsync(CancellationToken ct)
    {
        var documents = await (await DocumentsDueAsync(ct)).CountAsync(ct);
        var accesses = await (await AccessEntriesDueAsync(ct)).CountAsync(ct);
        return (documents, accesses);
    }

    /// <summary>
    /// Access entries older than AccessLogYears whose viewer is still recorded, except those about a man on legal hold
    /// (or a record merged into his): a hold keeps everything about him. Found through their own index.
    /// </summary>
    private async Task<IQueryable<Audit.AuditEntry>> AccessEntriesDueAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().AddYears(-options.AccessLogYears);
        var held = await db.Prisoners.IgnoreQueryFilters().Where(p => p.LegalHoldReason != null).Select(p => p.Id).ToListAsync(ct);
        if (held.Count > 0)
        {
            held.AddRange(await db.Prisoners.IgnoreQueryFilters().Where(p => p.MergedIntoId != null && held.Contains(p.MergedIntoId.Value)).Select(p => p.Id).ToListAsync(ct));
        }
        return db.AuditEntries.Where(e => e.Action == Audit.AuditActions.Access && e.Redaction == null && e.At < before
            && (e.PrisonerId == null || !held.Contains(e.PrisonerId.Value)));
    }

    /// <summary>
    /// Removes the viewer from the access entries due, 500 per transaction, each batch with one audit entry saying how
    /// many and which. Stops at an entry that fails verification (its batch is left as it was) and returns its id.
    /// </summary>
    private async Task<(int Expired, long? Broken)> ExpireAccessEntriesAsync(Actor actor, CancellationToken ct)
    {
        const int batchSize = 500;
        var expired = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var ids = await (await AccessEntriesDueAsync(ct)).OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Id).Take(batchSize).ToListAsync(ct);
            if (ids.Count == 0) return (expired, null);
            if (await Audit.AuditChain.ExpireAccessesAsync(db, auditKey, ids, ct) is { } broken) return (expired, broken); // rolled back on dispose
            List<Audit.FieldChange> said = [new(nameof(RetentionOptions.AccessLogYears), null, options.AccessLogYears.ToString(CultureInfo.InvariantCulture)), new("ExpiredEntries", null, ids.Count.ToString(CultureInfo.InvariantCulture))];
            await Audit.AuditChain.AppendAsync(db, auditKey, clock.GetUtcNow(), actor.UserId,
                [(Audit.AuditActions.ExpireAccess, nameof(Audit.AuditEntry), $"{ids.Min()}-{ids.Max()}", (int?)null, Audit.FieldChange.ToJson(said))], ct);
            await transaction.CommitAsync(ct);
            expired += ids.Count;
        }
    }

    /// <summary>Documents uploaded more than DocumentYears ago, except those of a consultation that concerns a man on legal hold.</summary>
    private async Task<IQueryable<Consultations.ConsultationDocument>> DocumentsDueAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().AddYears(-options.DocumentYears);
        var held = await db.Prisoners.Where(p => p.LegalHoldReason != null).Select(p => p.Id).ToListAsync(ct);
        var kept = held.Count == 0 ? [] : await db.Consultations.IgnoreQueryFilters().Where(c => c.PrisonerIds.Any(id => held.Contains(id))).Select(c => c.Id).ToListAsync(ct);
        return db.ConsultationDocuments.Where(d => d.UploadedAt < before && !kept.Contains(d.ConsultationId));
    }

    /// <summary>
    /// Deletes the documents due, a few at a time (their content is in the rows). Each deletion is audited by the save
    /// (file name, size, checksum, who uploaded it; never the content); the consultation itself stays.
    /// </summary>
    private async Task<int> RemoveDocumentsAsync(CancellationToken ct)
    {
        var removed = 0;
        while (true)
        {
            var batch = await (await DocumentsDueAsync(ct)).OrderBy(d => d.Id).Take(20).ToListAsync(ct);
            if (batch.Count == 0) return removed;
            db.ConsultationDocuments.RemoveRange(batch);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            removed += batch.Count;
        }
    }

    /// <summary>
    /// Anonymises every record due today that is not held (one transaction per record: a failure stops nothing else),
    /// then removes the consultation documents past DocumentYears.
    /// </summary>
    public async Task<RetentionRun> ApplyAsync(Actor actor, CancellationToken ct)
    {
        if (!currentUser.IsAdministrator) throw new InvalidOperationException("Retention is run by the system or an administrator.");
        var due = await DueAsync(null, ct);
        var done = new List<RetentionDue>();
        var failed = new List<(RetentionDue, long)>();
        foreach (var record in due.Where(d => !d.Held))
        {
            if (await anonymiser.AnonymiseAsync(record.PrisonerId, "ClosedRecordYears", [], actor, ct) is { } broken)
            {
                logger.LogError("Prisoner {PrisonerId} not anonymised: audit entry {AuditEntryId} fails verification", record.PrisonerId, broken);
                failed.Add((record, broken));
                continue;
            }
            logger.LogInformation("Prisoner {PrisonerId} anonymised under retention by {UserId}", record.PrisonerId, actor.UserId);
            done.Add(record);
        }
        var documents = await RemoveDocumentsAsync(ct);
        if (documents > 0) logger.LogInformation("{Count} consultation documents removed under retention by {UserId}", documents, actor.UserId);
        var (accesses, brokenAccess) = await ExpireAccessEntriesAsync(actor, ct);
        if (accesses > 0) logger.LogInformation("{Count} access entries expired under retention by {UserId}", accesses, actor.UserId);
        if (brokenAccess is { } entry) logger.LogError("Access entries not expired from audit entry {AuditEntryId} on: it fails verification", entry);
        return new RetentionRun(done, due.Where(d => d.Held).ToList(), failed)
        {
            DocumentsRemoved = documents,
            AccessEntriesExpired = accesses,
            AccessExpiryBrokenAt = brokenAccess,
        };
    }

    public Task<ServiceResult<Prisoner>> PlaceHoldAsync(int prisonerId, string? reason, Actor actor, CancellationToken ct) =>
        ChangeAsync(prisonerId, p => p.PlaceLegalHold(reason, actor, clock.GetUtcNow()), "placed", actor, ct);

    public Task<ServiceResult<Prisoner>> LiftHoldAsync(int prisonerId, Actor actor, CancellationToken ct) =>
        ChangeAsync(prisonerId, p => p.LiftLegalHold(actor, clock.GetUtcNow()), "lifted", actor, ct);

    /// <summary>
    /// An administrator's sign-off towards anonymising a closed record now, on request. The second, by another
    /// administrator, anonymises it at once. A record still open (in custody, hospital, escaped) is refused: his
    /// protection (the non-refoulement stop, the notifications) still rests on it.
    /// </summary>
    public async Task<ServiceResult<Prisoner>> SignOffEarlyAsync(int prisonerId, string? reason, Actor actor, CancellationToken ct)
    {
        if (!currentUser.IsAdministrator) return ServiceResult<Prisoner>.Forbidden("Retention.AdministratorOnly");
        var prisoner = await db.Prisoners.FirstOrDefaultAsync(p => p.Id == prisonerId, ct);
        if (prisoner is null) return ServiceResult<Prisoner>.NotFound();
        if (!Prisoner.ClosedStatuses.Contains(prisoner.CustodyStatus)) return ServiceResult<Prisoner>.Failure(new Refusal(RefusalKind.Conflict, new Message("Retention.Early.NotClosed")));
        var (refusals, complete) = prisoner.SignOffEarlyAnonymisation(reason, actor, clock.GetUtcNow());
        if (refusals.Count > 0) return ServiceResult<Prisoner>.Failure(refusals);
        if (!complete)
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Early anonymisation of prisoner {PrisonerId} signed off by {UserId}", prisonerId, actor.UserId);
            return ServiceResult<Prisoner>.Success(prisoner);
        }
        var first = prisoner.EarlyAnonymisationBy!;
        db.ChangeTracker.Clear();
        if (await anonymiser.AnonymiseAsync(prisonerId, "Early", [first, actor.UserId], actor, ct) is { } broken)
        {
            logger.LogError("Prisoner {PrisonerId} not anonymised: audit entry {AuditEntryId} fails verification", prisonerId, broken);
            return ServiceResult<Prisoner>.Failure(new Refusal(RefusalKind.Conflict, new Message("Retention.AuditBroken", broken)));
        }
        logger.LogInformation("Prisoner {PrisonerId} anonymised early, signed off by {FirstUserId} and {UserId}", prisonerId, first, actor.UserId);
        return ServiceResult<Prisoner>.Success((await db.Prisoners.AsNoTracking().FirstAsync(p => p.Id == prisonerId, ct)));
    }

    private async Task<ServiceResult<Prisoner>> ChangeAsync(int prisonerId, Func<Prisoner, IReadOnlyList<Refusal>> change, string what, Actor actor, CancellationToken ct)
    {
        if (!currentUser.IsAdministrator) return ServiceResult<Prisoner>.Forbidden("Retention.AdministratorOnly");
        var prisoner = await db.Prisoners.FirstOrDefaultAsync(p => p.Id == prisonerId, ct);
        if (prisoner is null) return ServiceResult<Prisoner>.NotFound();
        var refusals = change(prisoner);
        if (refusals.Count > 0) return ServiceResult<Prisoner>.Failure(refusals);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Legal hold {Change} on prisoner {PrisonerId} by {UserId}", what, prisonerId, actor.UserId);
        return ServiceResult<Prisoner>.Success(prisoner);
    }
}
