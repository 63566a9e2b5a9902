using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Consultations;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Requests;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Review;

/// <summary>
/// The administrators' review: consultations, requests and prisoners counted so that what needs doing stands out.
/// Every query goes through the DbContext's need-to-know filters (prisoners and consultations by desk; requests and
/// action items through them), so a reader restricted to some desks sees the counts of those desks only.
/// </summary>
public sealed class ReviewService(
    PowRegistryDbContext db,
    TimeProvider clock,
    ConsultationService consultations,
    RequestQueries requests,
    Notifications.NotificationService notifications,
    ConsultationOptions consultationOptions,
    RequestOptions requestOptions,
    Notifications.NotificationOptions notificationOptions)
{
    public async Task<ReviewFigures> FiguresAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        // Consultations are counted here rather than in SQL (hundreds of rows, not millions): by status, and by
        // counterpart, which is a list on each consultation. One statement for both: the review is a home page.
        var consultationRows = await db.Consultations.Select(c => new { c.Status, c.CounterpartIds }).ToListAsync(ct);
        var byStatus = consultationRows.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Count());
        var counterpartNames = await db.Counterparts.ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var byCounterpart = consultationRows.SelectMany(c => c.CounterpartIds.Distinct()).GroupBy(id => id)
            .Select(g => new CounterpartTally(g.Key, counterpartNames.GetValueOrDefault(g.Key, $"#{g.Key}"), g.Count()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();

        var overdue = await db.Set<ActionItem>().AsNoTracking()
            .Where(i => !i.Done && i.DueOn < today)
            .Join(db.Consultations, i => i.ConsultationId, c => c.Id, (i, c) => new { i.Id, ConsultationId = c.Id, c.Title, i.What, i.OwnerId, i.DueOn })
            .OrderBy(i => i.DueOn).ThenBy(i => i.Id).ToListAsync(ct);
        var ownerIds = overdue.Select(i => i.OwnerId).Distinct().ToList();
        var owners = ownerIds.Count == 0 ? []
            : await db.Users.Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var stalled = await consultations.WhereStalled(db.Consultations.AsNoTracking())
            .OrderBy(c => c.LastActivityAt).Select(c => new { c.Id, c.Title, c.Status, c.LastActivityAt }).ToListAsync(ct);

        var visibleRequests = db.TransferRequests.AsNoTracking().Join(db.Prisoners, r => r.PrisonerId, p => p.Id, (r, p) => new { Request = r, p.Reference });
        var waiting = await db.TransferRequests.AsNoTracking().Include(r => r.Changes)
            .Where(r => r.Status == RequestStatus.UnderConsultation)
            .Join(db.Prisoners, r => r.PrisonerId, p => p.Id, (r, p) => new { Request = r, p.Reference })
            .ToListAsync(ct);
        var flagged = await visibleRequests.CountAsync(x => x.Request.FlaggedForReview
            && x.Request.Status != RequestStatus.Completed && x.Request.Status != RequestStatus.Refused && x.Request.Status != RequestStatus.Withdrawn, ct);
        var handovers = await requests.WhereHandoverDue(db.TransferRequests.AsNoTracking())
            .Join(db.Prisoners, r => r.PrisonerId, p => p.Id, (r, p) => new { r.Id, p.Reference, r.DestinationStateCode, r.HandoverDate })
            .OrderBy(x => x.HandoverDate).ToListAsync(ct);

        // Kept by the save, summed over the desks the reader may see: a few dozen rows, not a million records (ADR-015).
        var tallies = await db.RegisterTallies
            .Where(t => t.Dimension == TallyDimension.Custody || t.Dimension == TallyDimension.Wish || t.Dimension == TallyDimension.Verification)
            .GroupBy(t => new { t.Dimension, t.Value })
            .Select(g => new { g.Key.Dimension, g.Key.Value, Count = g.Sum(t => t.Count) }).ToListAsync(ct);
        Dictionary<T, int> Of<T>(TallyDimension dimension) where T : struct, Enum =>
            tallies.Where(t => t.Dimension == dimension).ToDictionary(t => (T)Enum.ToObject(typeof(T), t.Value), t => t.Count);
        var byCustody = Of<CustodyStatus>(TallyDimension.Custody);
        var byWish = Of<WishDestination>(TallyDimension.Wish);
        var byVerification = Of<WishVerification>(TallyDimension.Verification);
        var notificationCounts = await notifications.CountsAsync(ct);

        return new ReviewFigures(
            ConsultationsByStatus: Tallies(byStatus),
            ConsultationsByCounterpart: byCounterpart,
            OverdueActionItems: overdue.Select(i => new OverdueActionItem(i.Id, i.ConsultationId, i.Title, i.What, owners.GetValueOrDefault(i.OwnerId, i.OwnerId), i.DueOn, today.DayNumber - i.DueOn.DayNumber)).ToList(),
            StalledConsultations: stalled.Select(c => new StalledConsultation(c.Id, c.Title, c.Status, c.LastActivityAt, (int)(now - c.LastActivityAt).TotalDays)).ToList(),
            StalledAfterDays: consultationOptions.StalledAfterDays,
            RequestsUnderConsultation: waiting.Select(x =>
                {
                    var since = x.Request.Changes.Where(c => c.To == RequestStatus.UnderConsultation).Select(c => c.ChangedAt).DefaultIfEmpty(x.Request.CreatedAt).Max();
                    return new WaitingRequest(x.Request.Id, x.Reference, x.Request.DestinationStateCode, since, (int)(now - since).TotalDays);
                })
                .OrderByDescending(w => w.DaysWaiting).ThenBy(w => w.Id).ToList(),
            FlaggedRequests: flagged,
            HandoversDue: handovers.Select(h => new DueHandover(h.Id, h.Reference, h.DestinationStateCode, h.HandoverDate!.Value)).ToList(),
            HandoverDueWithinDays: requestOptions.HandoverDueWithinDays,
            PrisonersByCustody: Tallies(byCustody),
            PrisonersByWish: Tallies(byWish),
            PrisonersByVerification: Tallies(byVerification),
            Notifications: notificationCounts,
            CaptureCardDays: notificationOptions.CaptureCardDays);
    }

    /// <summary>Every value of the enum in its declared order, with zero where nothing is counted: a missing bar would read as an error.</summary>
    private static List<Tally<T>> Tallies<T>(Dictionary<T, int> counts) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new Tally<T>(v, counts.GetValueOrDefault(v))).ToList();
}
