namespace PowRegistry.Core.Instances;

/// <summary>A server-side sign-in session, shared by every app instance (ADR-022). The cookie carries only <see cref="Id"/>.</summary>
public sealed class ServerSession
{
    /// <summary>64 hex characters from a random number generator.</summary>
    public string Id { get; set; } = "";

    /// <summary>The authentication ticket, serialized and encrypted with Data Protection (the keys are shared too).</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>One login attempt, counted under a key (the account or the client address) for the login rate limit.</summary>
public sealed class LoginAttempt
{
    public long Id { get; set; }

    public string Key { get; set; } = "";

    public DateTimeOffset At { get; set; }
}

/// <summary>How many API requests one key (a token's hash, or a client address) made in one minute, for the API's limit.</summary>
public sealed class ApiRequestCount
{
    public string Key { get; set; } = "";

    /// <summary>Minutes since 1970-01-01 UTC: the fixed window the count belongs to.</summary>
    public long Minute { get; set; }

    public int Count { get; set; }
}

/// <summary>A named lease: while unexpired, only <see cref="Holder"/> does the work it names (see <see cref="Leases"/>).</summary>
public sealed class Lease
{
    public string Name { get; set; } = "";

    public string Holder { get; set; } = "";

    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>The one-time setup token, stored as its SHA-256 hash so that every instance can check it and none can read it.</summary>
public sealed class StoredSetupToken
{
    /// <summary>Always <see cref="OnlyId"/>: there is at most one.</summary>
    public int Id { get; set; }

    public const int OnlyId = 1;

    public string Hash { get; set; } = "";

    public DateTimeOffset IssuedAt { get; set; }
}

/// <summary>An entry of the shared cache (an import preview between requests): every instance reads what another stored.</summary>
public sealed class CacheEntry
{
    public string Key { get; set; } = "";

    public byte[] Value { get; set; } = [];

    public DateTimeOffset ExpiresAt { get; set; }
}
