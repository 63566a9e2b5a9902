using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Audit;

/// <summary>Reading the audit trail: the administrators' and auditors' search, a record's history, and verification.</summary>
public sealed class AuditService(PowRegistryDbContext db, CurrentUser currentUser)
{
    public async Task<IReadOnlyList<AuditRow>> SearchAsync(AuditFilter filter, CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (Text.Clean(filter.UserId) is { } userId) entries = entries.Where(e => e.UserId == userId);
        if (Text.Clean(filter.Record) is { } record)
        {
            var reference = record.ToUpperInvariant(); // references are stored upper-case
            var prisonerId = int.TryParse(record, System.Globalization.CultureInfo.InvariantCulture, out var id)
                ? id
                : await db.Prisoners.IgnoreQueryFilters().Where(p => p.Reference == reference).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct) ?? -1;
            entries = entries.Where(e => e.PrisonerId == prisonerId);
        }
        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At < end);
        }
        if (!filter.IncludeAccess) entries = entries.Where(e => e.Action != AuditActions.Access);
        if (filter.Before is { } before) entries = entries.Where(e => e.Id < before);

        var page = await entries.OrderByDescending(e => e.Id).Take(Math.Clamp(filter.PageSize, 1, 500)).ToListAsync(ct);
        return await ToRowsAsync(page, ct);
    }

    /// <summary>Who changed what, when, on one prisoner's record (and its aliases, documents and events); null if he is not visible.</summary>
    public async Task<IReadOnlyList<AuditRow>?> HistoryOfPrisonerAsync(int prisonerId, int take, CancellationToken ct)
    {
        var deskId = await db.Prisoners.Where(p => p.Id == prisonerId).Select(p => (int?)p.DeskId).FirstOrDefaultAsync(ct);
        if (deskId is null) return null;
        // A survivor's history includes the records merged into it.
        var ids = await db.PrisonerMerges.Where(m => m.SurvivorId == prisonerId).Select(m => m.MergedId).ToListAsync(ct);
        ids.Add(prisonerId);
        var page = await db.AuditEntries.AsNoTracking()
            .Where(e => e.PrisonerId != null && ids.Contains(e.PrisonerId.Value) && e.Action != AuditActions.Access)
            .OrderByDescending(e => e.Id).Take(take).ToListAsync(ct);
        return await ToRowsAsync(page, ct);
    }

    public Task<AuditVerification> VerifyAsync(CancellationToken ct) => db.VerifyAuditAsync(ct);

    public async Task<IReadOnlyList<(string Id, string Name)>> UsersAsync(CancellationToken ct) =>
        (await db.Users.OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct))
        .Select(u => (u.Id, $"{u.DisplayName} ({u.Email})")).ToList();

    /// <summary>
    /// Every reader of audit values goes through here, so need-to-know holds wherever entries are shown: the change
    /// is listed, but its sensitive values (<see cref="SensitiveValues"/>) only to those who may see them on
    /// the record itself: the prisoner's desk and administrators. An entry about no prisoner shows them to administrators only.
    /// </summary>
    private async Task<IReadOnlyList<AuditRow>> ToRowsAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        var userIds = entries.Select(e => e.UserId).Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var prisonerIds = entries.Where(e => e.PrisonerId is not null).Select(e => e.PrisonerId!.Value).Distinct().ToList();
        // Merged records are hidden by the query filter but still own their history: read their desks too (ids only).
        var desks = await db.Prisoners.IgnoreQueryFilters().Where(p => prisonerIds.Contains(p.Id))
            .Select(p => new { p.Id, p.DeskId }).ToDictionaryAsync(p => p.Id, p => p.DeskId, ct);
        return entries.Select(e =>
        {
            var changes = JsonSerializer.Deserialize<List<FieldChange>>(e.Changes) ?? [];
            var maySee = e.PrisonerId is { } prisonerId && desks.TryGetValue(prisonerId, out var deskId)
                ? currentUser.MaySeeSensitive(deskId)
                : currentUser.IsAdministrator;
            return new AuditRow(e.Id, e.At, e.UserId, names.GetValueOrDefault(e.UserId, e.UserId), e.Action, e.EntityType, e.EntityId, e.PrisonerId,
                maySee ? changes : changes.Select(c => Restrict(e.EntityType, c)).ToList());
        }).ToList();
    }

    private static FieldChange Restrict(string entityType, FieldChange change) =>
        SensitiveValues.IsSensitive(entityType, change.Field)
            ? change with { Old = change.Old is null ? null : Restricted, New = change.New is null ? null : Restricted }
            : change;

    /// <summary>Shown in place of a value the reader may not see.</summary>
    public const string Restricted = "(restricted)";
}
