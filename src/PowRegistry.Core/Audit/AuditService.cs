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
        var merged = await db.PrisonerMerges.Where(m => m.SurvivorId == prisonerId).Select(m => m.MergedId).ToListAsync(ct);
        return await HistoryOfVisibleAsync(prisonerId, deskId.Value, merged, take, ct);
    }

    /// <summary>
    /// The history of a prisoner the caller has already read through the need-to-know filter, with his desk and the
    /// records merged into him (the record page has both). Change entries only: a partial index holds exactly those,
    /// so the page reads 50 rows however often the record has been opened.
    /// </summary>
    internal async Task<IReadOnlyList<AuditRow>> HistoryOfVisibleAsync(int prisonerId, int deskId, IReadOnlyCollection<int> merged, int take, CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.Action != AuditActions.Access);
        if (merged.Count == 0)
        {
            entries = entries.Where(e => e.PrisonerId == prisonerId);
        }
        else
        {
            var ids = merged.Append(prisonerId).ToList();
            entries = entries.Where(e => e.PrisonerId != null && ids.Contains(e.PrisonerId.Value));
        }
        var page = await entries.OrderByDescending(e => e.Id).Take(take).ToListAsync(ct);
        return await ToRowsAsync(page, ct, new Dictionary<int, int> { [prisonerId] = deskId });
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
    private async Task<IReadOnlyList<AuditRow>> ToRowsAsync(List<AuditEntry> entries, CancellationToken ct, Dictionary<int, int>? knownDesks = null)
    {
        if (entries.Count == 0) return [];
        var userIds = entries.Select(e => e.UserId).Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var desks = knownDesks ?? [];
        var prisonerIds = entries.Where(e => e.PrisonerId is { } id && !desks.ContainsKey(id)).Select(e => e.PrisonerId!.Value).Distinct().ToList();
        if (prisonerIds.Count > 0)
        {
            // Merged records are hidden by the query filter but still own their history: read their desks too (ids only).
            foreach (var row in await db.Prisoners.IgnoreQueryFilters().Where(p => prisonerIds.Contains(p.Id)).Select(p => new { p.Id, p.DeskId }).ToListAsync(ct))
            {
                desks[row.Id] = row.DeskId;
            }
        }
        var parsed = entries.Select(e => (Entry: e, Changes: JsonSerializer.Deserialize<List<FieldChange>>(e.Changes) ?? [])).ToList();
        // Accounts named in the values (CreatedBy, OwnerId…), by display name like the entries' own authors.
        var mentioned = parsed.SelectMany(p => p.Changes.Where(c => KindOf(p.Entry.EntityType, c.Field).Kind == AuditValueKind.Person).SelectMany(c => new[] { c.Old, c.New }))
            .OfType<string>().Where(id => !names.ContainsKey(id)).Distinct().ToList();
        if (mentioned.Count > 0)
        {
            foreach (var (id, name) in await db.Users.Where(u => mentioned.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct)) names[id] = name;
        }
        return parsed.Select(p =>
        {
            var e = p.Entry;
            var maySee = e.PrisonerId is { } prisonerId && desks.TryGetValue(prisonerId, out var deskId)
                ? currentUser.MaySeeSensitive(deskId)
                : currentUser.IsAdministrator;
            var kinds = p.Changes.Select(c => (c.Field, Kind: KindOf(e.EntityType, c.Field))).ToList();
            return new AuditRow(e.Id, e.At, e.UserId, names.GetValueOrDefault(e.UserId, e.UserId), e.Action, e.EntityType, e.EntityId, e.PrisonerId,
                maySee ? p.Changes : p.Changes.Select(c => Restrict(e.EntityType, c)).ToList())
            {
                Kinds = kinds.ToDictionary(k => k.Field, k => k.Kind.Kind),
                EnumTypes = kinds.Where(k => k.Kind.EnumType is not null).ToDictionary(k => k.Field, k => k.Kind.EnumType!),
                People = names,
                Redacted = e.IsRedacted,
            };
        }).ToList();
    }

    /// <summary>The kinds found so far: the model is the same for the life of the application, and a page asks per change.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string EntityType, string Field), (AuditValueKind Kind, Type? EnumType)> Kinds = new();

    /// <summary>How a field's recorded values read, from the model's property type and the field's name.</summary>
    private (AuditValueKind Kind, Type? EnumType) KindOf(string entityType, string field) =>
        Kinds.GetOrAdd((entityType, field), key => FindKind(db.Model, key.EntityType, key.Field));

    private static (AuditValueKind Kind, Type? EnumType) FindKind(Microsoft.EntityFrameworkCore.Metadata.IModel model, string entityType, string field)
    {
        // The entry's own columns say these; the normalised copies repeat the email and name.
        // Identity's housekeeping (confirmations, lockout switch) says nothing to a reader.
        if (field is "Id" or "CreatedAt" or "CreatedBy" or "PrisonerId" or "NormalizedEmail" or "NormalizedUserName" or "NormalizedName"
            or "EmailConfirmed" or "PhoneNumberConfirmed" or "LockoutEnabled" or "ConcurrencyStamp")
        {
            return (AuditValueKind.Hidden, null);
        }
        var type = model.GetEntityTypes().FirstOrDefault(t => t.ClrType.Name == entityType) is { } entity
            ? (entity.FindProperty(field)?.ClrType ?? ComplexPropertyType(entity, field))
            : null;
        var plain = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (plain is { IsEnum: true }) return (AuditValueKind.Enum, plain);
        if (plain == typeof(bool)) return (AuditValueKind.Flag, null);
        if (plain == typeof(DateTimeOffset)) return (AuditValueKind.Moment, null);
        if (plain == typeof(string) && (field.EndsWith("By", StringComparison.Ordinal) || field is "UserId" or "OwnerId")) return (AuditValueKind.Person, null);
        if (plain == typeof(int) && field is "SurvivorId" or "MergedId") return (AuditValueKind.Prisoner, null);
        if (plain == typeof(int) && field == "RequestId") return (AuditValueKind.Request, null);
        if (plain == typeof(int) && field == "ConsultationId") return (AuditValueKind.Consultation, null);
        return (AuditValueKind.Text, null);
    }

    /// <summary>A value of a complex property, recorded as "Complex.Property" (e.g. the sources of Art. 17 items).</summary>
    private static Type? ComplexPropertyType(Microsoft.EntityFrameworkCore.Metadata.IEntityType entity, string field) =>
        field.Split('.') is [var complex, var property] ? entity.FindComplexProperty(complex)?.ComplexType.FindProperty(property)?.ClrType : null;

    private static FieldChange Restrict(string entityType, FieldChange change) =>
        SensitiveValues.IsSensitive(entityType, change.Field)
            ? change with { Old = change.Old is null ? null : Restricted, New = change.New is null ? null : Restricted }
            : change;

    /// <summary>Shown in place of a value the reader may not see.</summary>
    public const string Restricted = "(restricted)";
}
