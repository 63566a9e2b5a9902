namespace PowRegistry.Core.Api;

public sealed record ApiTokenRow(int Id, string UserEmail, string Name, ApiTokenScope Scope, string Hint,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, bool UserDisabled);
