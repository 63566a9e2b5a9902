using System.Data.Common;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PowRegistry.Core.Data;

/// <summary>
/// Inserts a large save that only adds rows (a chunk of an import: 1,000 records, their notifications owed and aliases)
/// with one prepared statement per table (plain ADO.NET, which both providers take), instead of EF Core's batches, whose per-row SQL text, parameters and
/// ordering cost about a millisecond a record and SQLite parsed each batch anew (ADR-017). The columns and values come
/// from the EF model (column names, complex properties, value converters), so a new column is written without a change
/// here. It is called by <see cref="PowRegistryDbContext"/>'s save in place of EF Core's insert, inside the save's
/// transaction, after the audit entries, search terms and counts have been captured from the tracker exactly as for
/// any save; it declines (returns null) any save it does not understand, which EF Core then saves as usual.
/// </summary>
internal static class AddedRows
{
    /// <summary>Below this many rows EF Core's own insert costs little: the ordinary saves keep it.</summary>
    public const int MinRows = 200;

    public static async Task<int?> TryInsertAsync(PowRegistryDbContext db, CancellationToken ct)
    {
        var entries = db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).ToList();
        if (entries.Count < MinRows || entries.Any(e => e.State != EntityState.Added)) return null;
        var byType = entries.GroupBy(e => e.Metadata).ToDictionary(g => g.Key, g => g.ToList());
        var order = InsertOrder(byType.Keys.ToList());
        if (order is null || byType.Keys.Any(t => !Insertable(t)) || entries.Any(RefersToItsOwnTable)) return null;

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (transaction is null) return null;
        var connection = db.Database.GetDbConnection();
        foreach (var type in order)
        {
            var key = type.FindPrimaryKey()!.Properties.Single();
            var rows = byType[type];
            // A key the database gives (AUTOINCREMENT) is left out and read back; a key set by the application is written.
            var generated = rows.All(e => e.Property(key.Name).IsTemporary);
            if (!generated && rows.Any(e => e.Property(key.Name).IsTemporary)) throw new InvalidOperationException($"{type.DisplayName()}: some keys set, some not.");
            var columns = type.GetFlattenedProperties().Where(p => !(generated && p == key)).ToList();
            var table = type.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, type.GetSchema());
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(store)}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})"
                + (generated ? $" RETURNING \"{key.GetColumnName(store)}\"" : "");
            // Each parameter as EF Core would make it for the column (its provider type), its value set per row below.
            var parameters = columns.Select((c, i) => c.GetRelationalTypeMapping().CreateParameter(command, "@p" + i, null, nullable: true)).ToList();
            foreach (var parameter in parameters) command.Parameters.Add(parameter);
            var converters = columns.Select(c => c.GetTypeMapping().Converter).ToList();
            foreach (var entry in rows)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = Value(entry, columns[i]);
                    if (columns[i].GetDefaultValue() is { } byDefault && Equals(value, columns[i].Sentinel))
                    {
                        // EF Core leaves such a column out and the database writes its default: the same value, written here.
                        value = byDefault;
                        if (columns[i].DeclaringType is not IComplexType) entry.Property(columns[i].Name).CurrentValue = value;
                    }
                    if (converters[i] is { } converter && value is not null) value = converter.ConvertToProvider(value);
                    parameters[i].Value = value ?? DBNull.Value;
                }
                try
                {
                    if (generated)
                    {
                        var id = await command.ExecuteScalarAsync(ct);
                        entry.Property(key.Name).CurrentValue = Convert.ChangeType(id, key.ClrType, System.Globalization.CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        await command.ExecuteNonQueryAsync(ct);
                    }
                }
                catch (DbException e)
                {
                    // As EF Core reports it, so that callers' handling (a service number taken meanwhile) is the same.
                    throw new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.", e);
                }
            }
        }
        foreach (var entry in entries) entry.State = EntityState.Unchanged;
        return entries.Count;
    }

    /// <summary>
    /// A new row pointing at a row of its own table (a record merged into another) may need the other inserted first,
    /// which EF Core's ordering knows and one statement per table does not: such a save goes to EF Core.
    /// </summary>
    private static bool RefersToItsOwnTable(EntityEntry entry) =>
        entry.Metadata.GetForeignKeys().Any(fk => fk.PrincipalEntityType == entry.Metadata && fk.Properties.Any(p => entry.Property(p.Name).CurrentValue is not null));

    private static object? Value(EntityEntry entry, IProperty property) =>
        property.DeclaringType is IComplexType
            ? property.GetGetter().GetClrValueUsingContainingEntity(entry.Entity)
            : entry.Property(property.Name).CurrentValue;

    /// <summary>Plain table rows only: one table, one key column, no value the database computes other than that key and plain defaults.</summary>
    private static bool Insertable(IEntityType type) =>
        type.GetTableName() is not null && type.GetViewName() is null && type.BaseType is null && !type.GetDirectlyDerivedTypes().Any()
        && type.FindPrimaryKey() is { Properties.Count: 1 } key
        && type.GetFlattenedProperties().All(p => p == key.Properties[0]
            || (p.GetDefaultValueSql() is null && p.GetComputedColumnSql() is null && (p.ValueGenerated == ValueGenerated.Never || p.GetDefaultValue() is not null)))
        && !type.GetNavigations().Any(n => n.TargetEntityType.IsOwned());

    /// <summary>Principals before their dependents (a record before his aliases); null when the types depend on each other in a circle.</summary>
    private static List<IEntityType>? InsertOrder(List<IEntityType> types)
    {
        var order = new List<IEntityType>();
        var left = types.ToList();
        while (left.Count > 0)
        {
            var next = left.FirstOrDefault(t => t.GetForeignKeys().All(fk => fk.PrincipalEntityType == t || !left.Contains(fk.PrincipalEntityType)));
            if (next is null) return null;
            order.Add(next);
            left.Remove(next);
        }
        return order;
    }
}
