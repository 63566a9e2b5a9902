using System.Globalization;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Audit;

/// <summary>
/// Turns what the DbContext is about to save into audit entries, for every entity type, so that a new feature
/// is audited without doing anything. Called by <see cref="Data.PowRegistryDbContext"/> inside the save's transaction.
/// </summary>
internal static class AuditRecorder
{
    /// <summary>Derived or housekeeping data that would only add noise; key material and session tickets that must never be copied into the trail.</summary>
    private static readonly HashSet<Type> NotAudited =
    [
        typeof(AuditEntry), typeof(PrisonerSearchTerm),
        typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey), typeof(Instances.ServerSession),
        typeof(Instances.LoginAttempt), typeof(Instances.ApiRequestCount), typeof(Instances.Lease), typeof(Instances.StoredSetupToken), typeof(Instances.CacheEntry),
    ];

    private static readonly HashSet<string> NoiseFields =
        [nameof(Prisoner.Version), nameof(Prisoner.SortName), nameof(Prisoner.CaptureSortKey), nameof(Prisoner.UpdatedAt), nameof(Prisoner.UpdatedBy), "ConcurrencyStamp"];

    /// <summary>Secrets: the audit records that they changed, never their values.</summary>
    private static readonly HashSet<string> SecretFields = ["PasswordHash", "SecurityStamp", "Value", "TokenHash"];

    /// <summary>A change seen before saving; completed after saving, when generated keys are known.</summary>
    internal sealed class Pending(EntityEntry entry, string action, List<FieldChange> changes)
    {
        private readonly string? _keyBeforeSave = action == AuditActions.Delete ? KeyOf(entry) : null;
        private readonly int? _prisonerBeforeSave = action == AuditActions.Delete ? PrisonerOf(entry) : null;

        public (string Action, string EntityType, string EntityId, int? PrisonerId, string Changes) Complete()
        {
            if (action == AuditActions.Create)
            {
                // Values of an insert are read after saving, so generated ids and references are in them. An empty
                // field says nothing on an insert (it was empty and stays so): left out, as about half of a record's are.
                // Read through one set of current values, in the order of entry.Properties, without a property entry each.
                var values = entry.CurrentValues;
                changes.EnsureCapacity(entry.Metadata.GetProperties().Count()); // one list, not four grown in turn (an import completes thousands a chunk)
                foreach (var property in entry.Metadata.GetProperties())
                {
                    if (Audited(property) && Show(property, values[property]) is { } shown) changes.Add(new FieldChange(property.Name, null, shown));
                }
                changes.AddRange(ComplexValues(entry).Where(c => c.Current is not null).Select(c => new FieldChange(c.Name, null, c.Current)));
            }
            return (action, entry.Metadata.ClrType.Name, _keyBeforeSave ?? KeyOf(entry), _prisonerBeforeSave ?? PrisonerOf(entry),
                FieldChange.ToJson(changes));
        }
    }

    public static List<Pending> Capture(ChangeTracker tracker)
    {
        // As EF Core's own save: a caller that turned automatic detection off (an import's chunk, which only adds) has
        // nothing to detect, and scanning a chunk's thousands of new entries for changes cost 4 % of an import.
        if (tracker.AutoDetectChangesEnabled) tracker.DetectChanges();
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (NotAudited.Contains(entry.Metadata.ClrType)) continue;
            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Add(new Pending(entry, AuditActions.Create, []));
                    break;
                case EntityState.Deleted:
                    pending.Add(new Pending(entry, AuditActions.Delete,
                        entry.Properties.Where(p => Audited(p.Metadata)).Select(p => new FieldChange(p.Metadata.Name, Show(p.Metadata, p.OriginalValue), null)).ToList()));
                    break;
                case EntityState.Modified:
                    var changes = entry.Properties
                        .Where(p => p.IsModified && Audited(p.Metadata) && !Equals(p.OriginalValue, p.CurrentValue))
                        .Select(p => new FieldChange(p.Metadata.Name, Show(p.Metadata, p.OriginalValue), Show(p.Metadata, p.CurrentValue)))
                        .Concat(ComplexValues(entry).Where(c => c.Original != c.Current).Select(c => new FieldChange(c.Name, c.Original, c.Current)))
                        .ToList();
                    if (changes.Count > 0) pending.Add(new Pending(entry, AuditActions.Update, changes));
                    break;
            }
        }
        return pending;
    }

    private static IEnumerable<(string Name, string? Original, string? Current)> ComplexValues(EntityEntry entry) =>
        entry.ComplexProperties.SelectMany(complex => complex.Properties.Select(p => (
            $"{complex.Metadata.Name}.{p.Metadata.Name}",
            Show(p.Metadata, p.OriginalValue),
            Show(p.Metadata, p.CurrentValue))));

    private static bool Audited(IPropertyBase property) => !NoiseFields.Contains(property.Name);

    private static string? Show(IPropertyBase property, object? value)
    {
        if (value is null) return null;
        if (SecretFields.Contains(property.Name)) return "(secret changed)";
        return value switch
        {
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            byte[] b => $"({b.Length} bytes)",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            // A list (e.g. the prisoners a consultation concerns) as its items, not as its type name.
            System.Collections.IEnumerable items and not string => string.Join(", ", items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture))),
            _ => value.ToString(),
        };
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));

    private static int? PrisonerOf(EntityEntry entry) => entry.Entity switch
    {
        Prisoner p => p.Id,
        PrisonerMerge m => m.SurvivorId,
        _ when entry.Metadata.FindProperty(nameof(PrisonerAlias.PrisonerId)) is { ClrType: var t } && t == typeof(int)
            => (int?)entry.Property(nameof(PrisonerAlias.PrisonerId)).CurrentValue,
        _ => null,
    };
}
