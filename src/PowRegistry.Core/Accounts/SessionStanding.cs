namespace PowRegistry.Core.Accounts;

/// <summary>What a signed-in request must know about its user, read fresh from the database on every request.</summary>
/// <param name="IsDisabled">An administrator disabled the account: the session ends now.</param>
/// <param name="SecurityStamp">Changes when the role, password or second factor changes: a session signed in under another stamp ends now.</param>
/// <param name="DeskIds">The desks whose records he may see.</param>
public sealed record SessionStanding(bool IsDisabled, string? SecurityStamp, IReadOnlyList<int> DeskIds);
