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
    RequestQueries requests,
    Notifications.NotificationService notifications,
    ConsultationOptions consultationOptions,
    RequestOptions requestOptions,
    Notifications.NotificationOptions notificationOptions)
{
    /// <summary>The figures as the system or a test reads them: no reader, so no action items of his own.</summary>
    public Task<ReviewFigures> FiguresAsync(CancellationToken ct) => FiguresAsync(readerId: null, ct);

    /// <summary>
    /// The figures, and the open action items of <paramref name="readerId"/>. The review is the administrators' home
    /// page, so each table is read once: what several lists share comes from one statement and is sorted out here.
    /// </summary>
    public async Task<ReviewFigures> FiguresAsync(string? readerId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        // Consultations are counted here rather than in SQL (hundreds of rows, not millions): by status, by counterpart
        // (a list on each consultation), and which are stalled (Consultation's own rule, on the fields it reads).
        var consultationRows = await db.Consultations.AsNoTracking()
            .Select(c => new { c.Id, c.Title, c.Status, c.LastActivityAt, c.CounterpartIds }).ToListAsync(ct);
        var byStatus = consultationRows.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Count());
        var counterpartCounts = consultationRows.SelectMany(c => c.CounterpartIds.Distinct()).GroupBy(id => id).ToList();
        var counterpartNames = counterpartCounts.Count == 0 ? []
            : await db.Counterparts.ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var byCounterpart = counterpartCounts
            .Select(g => new CounterpartTally(g.Key, counterpartNames.GetValueOrDefault(g.Key, $"#{g.Key}"), g.Count()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        var stalled = consultationRows.Where(c => Consultation.IsStalledAt(c.Status, c.LastActivityAt, now, consultationOptions.StalledAfterDays))
            .OrderBy(c => c.LastActivityAt).ThenBy(c => c.Id).ToList();

        // Open action items that are overdue (anyone's) or the reader's own (due or not): one statement for both lists.
        var actionItems = await db.Set<ActionItem>().AsNoTracking()
            .Where(i => !i.Done && (i.DueOn < today || i.OwnerId == readerId))
            .Join(db.Consultations, i => i.ConsultationId, c => c.Id, (i, c) => new { i.Id, ConsultationId = c.Id, c.Title, i.What, i.OwnerId, i.DueOn })
            .ToListAsync(ct);
        var overdue = actionItems.Where(i => i.DueOn < today).OrderBy(i => i.DueOn).ThenBy(i => i.Id).ToList();
        var ownerIds = overdue.Select(i => i.OwnerId).Distinct().ToList();
        var owners = ownerIds.Count == 0 ? []
            : await db.Users.Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var mine = MyActionItem.InListOrder(actionItems.Where(i => i.OwnerId == readerId)
            .Select(i => new MyActionItem(i.Id, i.ConsultationId, i.Title, i.What, i.DueOn, i.DueOn < today)));

        // The three lists of requests in one statement (each part keeps its own rule), then when each waiting request
        // went under consultation, only if one does.
        var requestRows = await RequestRows(RequestList.Waiting, db.TransferRequests.Where(r => r.Status == RequestStatus.UnderConsultation))
            .Concat(RequestRows(RequestList.Flagged, db.TransferRequests.Where(r => r.FlaggedForReview
                && r.Status != RequestStatus.Completed && r.Status != RequestStatus.Refused && r.Status != RequestStatus.Withdrawn)))
            .Concat(RequestRows(RequestList.HandoverDue, requests.WhereHandoverDue(db.TransferRequests)))
            .ToListAsync(ct);
        var waitingIds = requestRows.Where(r => r.List == RequestList.Waiting).Select(r => r.Id).ToList();
        var underConsultationSince = waitingIds.Count == 0 ? []
            : (await db.Set<RequestStatusChange>().AsNoTracking()
                .Where(c => waitingIds.Contains(c.RequestId) && c.To == RequestStatus.UnderConsultation)
                .Select(c => new { c.RequestId, c.ChangedAt }).ToListAsync(ct))
                .GroupBy(c => c.RequestId).ToDictionary(g => g.Key, g => g.Max(c => c.ChangedAt));

        // Kept by the save, summed over the desks the reader may see: a few dozen rows, not a million records (ADR-015).
        // The notification counts' stored part comes in the same statement.
        var tallies = await db.RegisterTallies
            .Where(t => t.Dimension == TallyDimension.Custody || t.Dimension == TallyDimension.Wish || t.Dimension == TallyDimension.Verification)
            .GroupBy(t => new { t.Dimension, t.Value })
            .Select(g => new TallySum { Dimension = g.Key.Dimension, Value = g.Key.Value, Count = g.Sum(t => t.Count) })
            .Concat(Notifications.NotificationService.StoredCountSums(db.RegisterTallies, today))
            .ToListAsync(ct);
        Dictionary<T, int> Of<T>(TallyDimension dimension) where T : struct, Enum =>
            tallies.Where(t => t.Dimension == dimension).ToDictionary(t => (T)Enum.ToObject(typeof(T), t.Value), t => t.Count);
        var byCustody = Of<CustodyStatus>(TallyDimension.Custody);
        var byWish = Of<WishDestination>(TallyDimension.Wish);
        var byVerification = Of<WishVerification>(TallyDimension.Verification);
        var notificationCounts = await notifications.CountsAsync(tallies, ct);

        return new ReviewFigures(
            ConsultationsByStatus: Tallies(byStatus),
            ConsultationsByCounterpart: byCounterpart,
            OverdueActionItems: overdue.Select(i => new OverdueActionItem(i.Id, i.ConsultationId, i.Title, i.What, owners.GetValueOrDefault(i.OwnerId, i.OwnerId), i.DueOn, today.DayNumber - i.DueOn.DayNumber)).ToList(),
            StalledConsultations: stalled.Select(c => new StalledConsultation(c.Id, c.Title, c.Status, c.LastActivityAt, (int)(now - c.LastActivityAt).TotalDays)).ToList(),
            StalledAfterDays: consultationOptions.StalledAfterDays,
            RequestsUnderConsultation: requestRows.Where(r => r.List == RequestList.Waiting).Select(r =>
                {
                    var since = underConsultationSince.TryGetValue(r.Id, out var changedAt) ? changedAt : r.CreatedAt;
                    return new WaitingRequest(r.Id, r.Reference, r.DestinationStateCode, since, (int)(now - since).TotalDays);
                })
                .OrderByDescending(w => w.DaysWaiting).ThenBy(w => w.Id).ToList(),
            FlaggedRequests: requestRows.Count(r => r.List == RequestList.Flagged),
            HandoversDue: requestRows.Where(r => r.List == RequestList.HandoverDue).OrderBy(r => r.HandoverDate).ThenBy(r => r.Id)
                .Select(r => new DueHandover(r.Id, r.Reference, r.DestinationStateCode, r.HandoverDate!.Value)).ToList(),
            HandoverDueWithinDays: requestOptions.HandoverDueWithinDays,
            PrisonersByCustody: Tallies(byCustody),
            PrisonersByWish: Tallies(byWish),
            PrisonersByVerification: Tallies(byVerification),
            Notifications: notificationCounts,
            CaptureCardDays: notificationOptions.CaptureCardDays,
            MyActionItems: mine);
    }

    /// <summary>A visible request (his prisoner visible to the reader), marked with the list it is read for.</summary>
    private IQueryable<RequestRow> RequestRows(RequestList list, IQueryable<TransferRequest> requests) =>
        requests.AsNoTracking().Join(db.Prisoners, r => r.PrisonerId, p => p.Id, (r, p) => new RequestRow
        {
            List = list,
            Id = r.Id,
            Reference = p.Reference,
            DestinationStateCode = r.DestinationStateCode,
            CreatedAt = r.CreatedAt,
            HandoverDate = r.HandoverDate,
        });

    private enum RequestList { Waiting, Flagged, HandoverDue }

    private sealed class RequestRow
    {
        public RequestList List { get; init; }
        public int Id { get; init; }
        public string Reference { get; init; } = "";
        public string DestinationStateCode { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateOnly? HandoverDate { get; init; }
    }

    /// <summary>Every value of the enum in its declared order, with zero where nothing is counted: a missing bar would read as an error.</summary>
    private static List<Tally<T>> Tallies<T>(Dictionary<T, int> counts) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new Tally<T>(v, counts.GetValueOrDefault(v))).ToList();
}
