using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PowRegistry.Core.Audit;

/// <summary>
/// One line of the tamper-evident audit trail: who did what to which record, when, with each field's old and
/// new value. Entries are numbered 1, 2, 3… without gaps; each carries an HMAC over its own content and the
/// previous entry's hash, with a key kept outside the database. The table refuses UPDATE and DELETE (triggers).
/// </summary>
public sealed class AuditEntry
{
    public const string GenesisHash = "genesis";

    private AuditEntry() { }

    internal AuditEntry(long id, DateTimeOffset at, string userId, string action, string entityType, string entityId, int? prisonerId, string changes, string previousHash)
    {
        Id = id;
        At = at;
        UserId = userId;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        PrisonerId = prisonerId;
        Changes = changes;
        PreviousHash = previousHash;
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string UserId { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";

    /// <summary>The prisoner the change concerns (his record or one of its parts), for the per-record history.</summary>
    public int? PrisonerId { get; private set; }

    /// <summary>JSON array of {field, old, new}.</summary>
    public string Changes { get; private set; } = "[]";
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    internal void Seal(AuditKey key) => Hash = ComputeHash(key);

    internal string ComputeHash(AuditKey key)
    {
        // Every stored column but the hash itself, in a fixed order; the id is inside, so moving content between rows breaks it.
        var content = string.Join('\u001f',
            Id.ToString(CultureInfo.InvariantCulture), At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            UserId, Action, EntityType, EntityId, PrisonerId?.ToString(CultureInfo.InvariantCulture) ?? "", Changes, PreviousHash);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes(content)));
    }
}
