using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Notifications;

/// <summary>
/// Whether any record may still owe a derived capture card (a date of capture, no stored capture-card notification,
/// no "ICRC notified" event). Only records from before notifications existed can: every path that records a date of
/// capture now stores the card. Finding them means looking at every record with a date of capture, which is slow at a
/// million records (0.6–5 s measured), so once none is left the answer is kept for the life of the process and the
/// queue and start page stop asking. One per application (singleton).
/// </summary>
public sealed class LegacyCaptureCards
{
    private volatile bool _noneLeft;
    private volatile bool _noneWithoutStoredCard;

    public async Task<bool> MayExistAsync(PowRegistryDbContext db, CancellationToken ct)
    {
        // A record that owes a card has no stored card: when none lacks one (the usual case), that one scan answers both
        // questions, and the first review after a start scans the register once, not twice.
        if (_noneLeft || !await WithoutStoredCardMayExistAsync(db, ct)) return false;
        // Across all desks on purpose: this says whether to look at all, not what the user may see.
        var any = await db.Prisoners.IgnoreQueryFilters().AnyAsync(p => p.MergedIntoId == null && p.DateOfCapture != null
            && !p.Notifications.Any(n => n.Kind == NotificationKind.CaptureCard)
            && !p.CustodyEvents.Any(e => e.Kind == CustodyEventKind.IcrcNotified), ct);
        if (!any) _noneLeft = true;
        return any;
    }

    /// <summary>
    /// Whether any record may still have a date of capture and no stored capture-card notification, whether or not
    /// an "ICRC notified" event stands for it (the review counts those whose card went out late). Same scan, same
    /// reason to remember a "none": no path creates such a record any more.
    /// </summary>
    public async Task<bool> WithoutStoredCardMayExistAsync(PowRegistryDbContext db, CancellationToken ct)
    {
        if (_noneWithoutStoredCard) return false;
        var any = await db.Prisoners.IgnoreQueryFilters().AnyAsync(p => p.MergedIntoId == null && p.DateOfCapture != null
            && !p.Notifications.Any(n => n.Kind == NotificationKind.CaptureCard), ct);
        if (!any) _noneWithoutStoredCard = true;
        return any;
    }

    /// <summary>Looks again next time. For tests, which change data behind the application's back; nothing else calls it.</summary>
    public void Recheck() => (_noneLeft, _noneWithoutStoredCard) = (false, false);
}
