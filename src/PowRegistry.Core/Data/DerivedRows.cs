using System.Data;
using System.Data.Common;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

using PowRegistry.Core.Audit;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Data;

/// <summary>
/// Writes the rows the save derives (search terms, audit entries) with one prepared insert each, inside the save's
/// transaction, instead of through the change tracker. They are never changed once written (terms are replaced by
/// delete and insert, the audit table refuses updates), so tracking them only cost time: EF Core's per-entity SQL
/// generation, ordering and parameter building were most of an import's save (a 1,000-record chunk writes some 15,000
/// terms and 3,000 audit entries; ADR-017). Same columns and conversions as the EF model (DateTimeOffset as Unix ms).
/// Plain ADO.NET with named parameters, which both SQLite and PostgreSQL take (PostgreSQL could use COPY here).
/// </summary>
internal static class DerivedRows
{
    public static async Task InsertSearchTermsAsync(PowRegistryDbContext db, IReadOnlyCollection<PrisonerSearchTerm> terms, CancellationToken ct)
    {
        if (terms.Count == 0) return;
        await using var command = Command(db, """INSERT INTO "PrisonerSearchTerms" ("PrisonerId", "Kind", "Term") VALUES (@p, @k, @t)""");
        var prisonerId = Parameter(command, "p", DbType.Int32);
        var kind = Parameter(command, "k", DbType.Int32);
        var term = Parameter(command, "t", DbType.String);
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
            VALUES (@id, @at, @user, @action, @type, @entity, @prisoner, @changes, @digest, @previous, @hash)
            """);
        var id = Parameter(command, "id", DbType.Int64);
        var at = Parameter(command, "at", DbType.Int64);
        var user = Parameter(command, "user", DbType.String);
        var action = Parameter(command, "action", DbType.String);
        var type = Parameter(command, "type", DbType.String);
        var entity = Parameter(command, "entity", DbType.String);
        var prisoner = Parameter(command, "prisoner", DbType.Int32);
        var changes = Parameter(command, "changes", DbType.String);
        var digest = Parameter(command, "digest", DbType.String);
        var previous = Parameter(command, "previous", DbType.String);
        var hash = Parameter(command, "hash", DbType.String);
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

    private static DbCommand Command(PowRegistryDbContext db, string sql)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Derived rows are written inside the save's transaction.");
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static DbParameter Parameter(DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
