using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PowRegistry.Core.Audit;

/// <summary>
/// One line of the tamper-evident audit trail: who did what to which record, when, with each field's old and
/// new value. Entries are numbered 1, 2, 3… without gaps; each carries an HMAC over its own content and the
/// previous entry's hash, with a key kept outside the database. The table refuses DELETE, and every UPDATE but a
/// redaction (triggers). Two formats (ADR-024): an entry without <see cref="ChangesDigest"/> (written before it existed)
/// is sealed over its <see cref="Changes"/>; every newer entry over a keyed digest of them, so that its values can be
/// redacted later and its seal still checks.
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

    /// <summary>HMAC of <see cref="Changes"/> as written; the hash covers this, not the values. Null for an entry of the first format.</summary>
    public string? ChangesDigest { get; private set; }

    /// <summary>Null until the values are redacted; then the key holder's seal over every remaining column (ADR-024).</summary>
    public string? Redaction { get; private set; }

    /// <summary>What <see cref="Changes"/> holds once redacted: no values, and still a valid (empty) list.</summary>
    public const string RedactedChanges = "[]";

    public bool IsRedacted => Redaction is not null;

    /// <summary>
    /// Who opened a record, once <c>AccessLogYears</c> have passed (ADR-024): the access entry stays in the chain (when,
    /// which record), the person is blanked to this and the entry sealed again by the key holder.
    /// </summary>
    public const string ExpiredUserId = "";

    /// <summary>An access entry whose viewer was removed under retention.</summary>
    public bool IsExpiredAccess => IsRedacted && Action == AuditActions.Access && UserId == ExpiredUserId;

    internal void Seal(AuditKey key)
    {
        ChangesDigest = DigestOf(key, Changes);
        Hash = ComputeHash(key);
    }

    /// <summary>Keyed, so that someone holding only the database cannot confirm a guessed name against a redacted entry.</summary>
    internal static string DigestOf(AuditKey key, string changes) => Hmac(key, "changes", changes);

    internal string ComputeHash(AuditKey key) => ChangesDigest is null
        // First format: every stored column but the hash itself, in a fixed order; the id is inside, so moving content between rows breaks it.
        ? Hmac(key, Id.ToString(CultureInfo.InvariantCulture), At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            UserId, Action, EntityType, EntityId, PrisonerId?.ToString(CultureInfo.InvariantCulture) ?? "", Changes, PreviousHash)
        // Second format: the same, with the digest of the values in their place.
        : Hmac(key, "v2", Id.ToString(CultureInfo.InvariantCulture), At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            UserId, Action, EntityType, EntityId, PrisonerId?.ToString(CultureInfo.InvariantCulture) ?? "", ChangesDigest, PreviousHash);

    /// <summary>The redaction seal: every column the redaction leaves, the hash included, so a redacted entry of either format is covered.</summary>
    internal string ComputeRedactionSeal(AuditKey key) =>
        Hmac(key, "redaction", Id.ToString(CultureInfo.InvariantCulture), At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            UserId, Action, EntityType, EntityId, PrisonerId?.ToString(CultureInfo.InvariantCulture) ?? "", ChangesDigest ?? "", PreviousHash, Hash);

    /// <summary>
    /// The seal of an expired access entry: as the redaction seal, under its own label, over the entry with its viewer
    /// blanked. The entry's hash covered the viewer and can no longer be recomputed; this seal is what covers it, and the
    /// chain's links (its hash is kept, the next entry points to it) still place it.
    /// </summary>
    internal string ComputeAccessExpirySeal(AuditKey key) =>
        Hmac(key, "access-expired", Id.ToString(CultureInfo.InvariantCulture), At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ExpiredUserId, Action, EntityType, EntityId, PrisonerId?.ToString(CultureInfo.InvariantCulture) ?? "", ChangesDigest ?? "", PreviousHash, Hash);

    /// <summary>Whether the entry's values are as sealed: its hash (and, from the second format on, its digest) or, once redacted, its redaction seal.</summary>
    internal bool IsIntact(AuditKey key)
    {
        if (IsExpiredAccess) return Changes == RedactedChanges && Redaction == ComputeAccessExpirySeal(key);
        if (IsRedacted)
        {
            // A first-format hash covered the values now gone: the redaction seal alone covers it. A second-format hash still checks.
            return Changes == RedactedChanges && Redaction == ComputeRedactionSeal(key) && (ChangesDigest is null || Hash == ComputeHash(key));
        }
        return Hash == ComputeHash(key) && (ChangesDigest is null || ChangesDigest == DigestOf(key, Changes));
    }

    /// <summary>The HMAC of the parts joined by U+001F, in UTF-8: encoded part by part into a pooled buffer, not joined into a string first.</summary>
    private static string Hmac(AuditKey key, params string[] parts)
    {
        var length = parts.Length;
        foreach (var part in parts) length += Encoding.UTF8.GetMaxByteCount(part.Length);
        var bytes = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0) bytes[written++] = 0x1f;
                written += Encoding.UTF8.GetBytes(parts[i], bytes.AsSpan(written));
            }
            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(key.Bytes, bytes.AsSpan(0, written), mac);
            return Convert.ToHexStringLower(mac);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
