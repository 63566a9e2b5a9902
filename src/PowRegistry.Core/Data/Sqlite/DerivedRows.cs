using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

using PowRegistry.Core.Audit;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Data.Sqlite;

/// <summary>
/// Writes the rows the save derives (search terms, audit entries) with one prepared insert each, inside the save's
/// transaction, instead of through the change tracker. They are never changed once written (terms are replaced by
/// delete and insert, the audit table refuses updates), so tracking them only cost time: EF Core's per-entity SQL
/// generation, ordering and parameter building were most of an import's save (a 1,000-record chunk writes some 15,000
/// terms and 3,000 audit entries; ADR-017). Same columns and conversions as the EF model (DateTimeOffset as Unix ms).
/// PostgreSQL would use COPY here.
/// </summary>
internal static class DerivedRows
{
    public static async Task InsertSearchTermsAsync(PowRegistryDbContext db, IReadOnlyCollection<PrisonerSearchTerm> terms, CancellationToken ct)
    {
        if (terms.Count == 0) return;
        await using var command = Command(db, """INSERT INTO "PrisonerSearchTerms" ("PrisonerId", "Kind", "Term") VALUES ($p, $k, $t)""");
        var prisonerId = command.Parameters.Add("$p", SqliteType.Integer);
        var kind = command.Parameters.Add("$k", SqliteType.Integer);
        var term = command.Parameters.Add("$t", SqliteType.Text);
        foreach (var t in terms)
        {
            prisonerId.Value = t.PrisonerId;
            kind.Value = (int)t.Kind;
            term.Value = t.Term;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public static async Task InsertAuditEntriesAsync(PowRegistryDbContext db, IReadOnlyCollection<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return;
        await using var command = Command(db, """
            INSERT INTO "AuditEntries" ("Id", "At", "UserId", "Action", "EntityType", "EntityId", "PrisonerId", "Changes", "ChangesDigest", "PreviousHash", "Hash")
            VALUES ($id, $at, $user, $action, $type, $entity, $prisoner, $changes, $digest, $previous, $hash)
            """);
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        var at = command.Parameters.Add("$at", SqliteType.Integer);
        var user = command.Parameters.Add("$user", SqliteType.Text);
        var action = command.Parameters.Add("$action", SqliteType.Text);
        var type = command.Parameters.Add("$type", SqliteType.Text);
        var entity = command.Parameters.Add("$entity", SqliteType.Text);
        var prisoner = command.Parameters.Add("$prisoner", SqliteType.Integer);
        var changes = command.Parameters.Add("$changes", SqliteType.Text);
        var digest = command.Parameters.Add("$digest", SqliteType.Text);
        var previous = command.Parameters.Add("$previous", SqliteType.Text);
        var hash = command.Parameters.Add("$hash", SqliteType.Text);
        foreach (var e in entries)
        {
            id.Value = e.Id;
            at.Value = e.At.ToUnixTimeMilliseconds();
            user.Value = e.UserId;
            action.Value = e.Action;
            type.Value = e.EntityType;
            entity.Value = e.EntityId;
            prisoner.Value = e.PrisonerId is { } p ? p : DBNull.Value;
            changes.Value = e.Changes;
            digest.Value = e.ChangesDigest is { } d ? d : DBNull.Value;
            previous.Value = e.PreviousHash;
            hash.Value = e.Hash;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static SqliteCommand Command(PowRegistryDbContext db, string sql)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction
            ?? throw new InvalidOperationException("Derived rows are written inside the save's transaction.");
        var command = ((SqliteConnection)db.Database.GetDbConnection()).CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
