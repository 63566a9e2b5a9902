using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Data;
using PowRegistry.Core.Notifications;

namespace PowRegistry.Core.Prisoners;

/// <summary>
/// Counts the records again, desk by desk, the slow way the review once did on every view, and compares with the
/// <see cref="RegisterTally"/> rows the save keeps: for the operator's <c>verify-tallies</c> command and the tests.
/// Across every desk (not what one user may see). A row kept at zero matches a count that finds nothing.
/// </summary>
public static class RegisterTallyCheck
{
    public static async Task<IReadOnlyList<TallyMismatch>> VerifyAsync(PowRegistryDbContext db, CancellationToken ct)
    {
        var prisoners = db.Prisoners.IgnoreQueryFilters().AsNoTracking().Where(p => p.MergedIntoId == null);
        var counted = new List<(int DeskId, TallyDimension Dimension, int Value, int Count)>();
        counted.AddRange((await prisoners.GroupBy(p => new { p.DeskId, p.CustodyStatus }).Select(g => new { g.Key.DeskId, g.Key.CustodyStatus, Count = g.Count() }).ToListAsync(ct))
            .Select(g => (g.DeskId, TallyDimension.Custody, (int)g.CustodyStatus, g.Count)));
        counted.AddRange((await prisoners.Where(p => p.CurrentWish != null).GroupBy(p => new { p.DeskId, p.CurrentWish }).Select(g => new { g.Key.DeskId, g.Key.CurrentWish, Count = g.Count() }).ToListAsync(ct))
            .Select(g => (g.DeskId, TallyDimension.Wish, (int)g.CurrentWish!.Value, g.Count)));
        counted.AddRange((await prisoners.Where(p => p.CurrentWishVerification != null).GroupBy(p => new { p.DeskId, p.CurrentWishVerification }).Select(g => new { g.Key.DeskId, g.Key.CurrentWishVerification, Count = g.Count() }).ToListAsync(ct))
            .Select(g => (g.DeskId, TallyDimension.Verification, (int)g.CurrentWishVerification!.Value, g.Count)));
        counted.AddRange((await db.Notifications.IgnoreQueryFilters().AsNoTracking()
                .Where(n => n.Kind == NotificationKind.CaptureCard && n.SentOn != null && n.SentOn > n.DueOn)
                .Join(prisoners, n => n.PrisonerId, p => p.Id, (n, p) => p.DeskId)
                .GroupBy(deskId => deskId).Select(g => new { DeskId = g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(g => (g.DeskId, TallyDimension.LateCaptureCards, 0, g.Count)));

        counted.AddRange((await db.Notifications.IgnoreQueryFilters().AsNoTracking().Where(n => n.SentOn == null)
                .Join(prisoners, n => n.PrisonerId, p => p.Id, (n, p) => new { p.DeskId, Card = n.Kind == NotificationKind.CaptureCard, n.DueOn })
                .GroupBy(x => new { x.DeskId, x.Card, x.DueOn }).Select(g => new { g.Key.DeskId, g.Key.Card, g.Key.DueOn, Count = g.Count() }).ToListAsync(ct))
            .Select(g => (g.DeskId, g.Card ? TallyDimension.OpenCaptureCards : TallyDimension.OpenOtherNotifications, g.DueOn.DayNumber, g.Count)));

        var kept = await db.RegisterTallies.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var keys = kept.Select(t => (t.DeskId, t.Dimension, t.Value)).Concat(counted.Select(c => (c.DeskId, c.Dimension, c.Value))).Distinct();
        return keys
            .Select(k => new TallyMismatch(k.DeskId, k.Dimension, k.Value,
                kept.Where(t => (t.DeskId, t.Dimension, t.Value) == k).Sum(t => t.Count),
                counted.Where(c => (c.DeskId, c.Dimension, c.Value) == k).Sum(c => c.Count)))
            .Where(m => m.Kept != m.Counted)
            .OrderBy(m => m.DeskId).ThenBy(m => m.Dimension).ThenBy(m => m.Value)
            .ToList();
    }
}
