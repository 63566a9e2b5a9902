using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Data;

namespace PowRegistry.Core.Accounts;

/// <summary>
/// The one database read every signed-in request makes before anything else (ADR-018): is the account still enabled,
/// is the session's security stamp still the account's, and which desks may he see. Nothing is cached, so a change
/// made through any instance holds on the user's very next request to every instance.
/// </summary>
public sealed class SessionStandingQuery(PowRegistryDbContext db)
{
    // Compiled once: the query runs on every signed-in request, and EF's per-call work (parameter extraction, cache lookup) was a visible share of it.
    private static readonly Func<PowRegistryDbContext, string, IAsyncEnumerable<Row>> Query = EF.CompileAsyncQuery(
        (PowRegistryDbContext db, string userId) => db.Users
            .Where(u => u.Id == userId)
            .Select(u => new Row(u.IsDisabled, u.SecurityStamp, db.DeskMembers.Where(m => m.UserId == u.Id).Select(m => m.DeskId).ToList())));

    /// <summary>The user's standing, or null when there is no such user (deleted since he signed in).</summary>
    public async Task<SessionStanding?> OfAsync(string userId, CancellationToken ct)
    {
        await foreach (var row in Query(db, userId).WithCancellation(ct))
        {
            return new SessionStanding(row.IsDisabled, row.SecurityStamp, row.DeskIds);
        }
        return null;
    }

    private sealed record Row(bool IsDisabled, string? SecurityStamp, List<int> DeskIds);
}
