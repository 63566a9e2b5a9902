using System.Linq.Expressions;

using FluentValidation;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Notifications;

/// <summary>The notification queue for the Central Tracing Agency (GC III Arts. 70, 122) and the weekly list of the seriously sick.</summary>
public sealed class NotificationService(
    PowRegistryDbContext db,
    TimeProvider clock,
    NotificationOptions options,
    IValidator<SentInput> validator,
    LegacyCaptureCards legacy,
    ILogger<NotificationService> logger)
{
    public const int QueueLength = 500;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Open notifications of the records the user may see, earliest deadline (so overdue) first.</summary>
    public async Task<IReadOnlyList<NotificationRow>> QueueAsync(NotificationQuery query, CancellationToken ct, int max = QueueLength)
    {
        var today = Today;
        var stored = db.Notifications.AsNoTracking().Where(n => n.SentOn == null);
        if (query.OverdueOnly) stored = stored.Where(n => n.DueOn < today);
        if (query.Kind is { } kind) stored = stored.Where(n => n.Kind == kind);
        var storedRows = await stored
            .Join(db.Prisoners.Select(Line), n => n.PrisonerId, p => p.Id, (n, p) => new { n.Id, n.Kind, n.EventDate, n.DueOn, Prisoner = p })
            .OrderBy(x => x.DueOn).ThenBy(x => x.Id).Take(max).ToListAsync(ct);
        var rows = storedRows.Select(x => new NotificationRow(x.Id, x.Prisoner.Id, x.Prisoner.Reference, x.Prisoner.Name, x.Kind, x.EventDate, x.DueOn, x.DueOn < today)).ToList();

        if ((query.Kind is null or NotificationKind.CaptureCard) && await legacy.MayExistAsync(db, ct))
        {
            var owed = OwedCaptureCards();
            if (query.OverdueOnly)
            {
                var cutoff = today.AddDays(-options.CaptureCardDays);
                owed = owed.Where(p => p.DateOfCapture < cutoff);
            }
            var derived = await owed.OrderBy(p => p.DateOfCapture).ThenBy(p => p.Id).Take(max)
                .Select(Line).ToListAsync(ct);
            rows.AddRange(derived.Select(p =>
            {
                var due = options.DueOn(NotificationKind.CaptureCard, p.DateOfCapture!.Value);
                return new NotificationRow(null, p.Id, p.Reference, p.Name, NotificationKind.CaptureCard, p.DateOfCapture.Value, due, due < today);
            }));
        }
        return rows.OrderBy(r => r.DueOn).ThenBy(r => r.PrisonerId).ThenBy(r => r.Id).Take(max).ToList();
    }

    /// <summary>Overdue notifications for the start page, most overdue first.</summary>
    public Task<IReadOnlyList<NotificationRow>> OverdueAsync(int max, CancellationToken ct) =>
        QueueAsync(new NotificationQuery { OverdueOnly = true }, ct, max);

    /// <summary>
    /// Counts for the administrators' review (among the records the current user may see): open notifications past
    /// their deadline, and capture cards not sent within the capture-card deadline (still open, or sent late).
    /// </summary>
    public async Task<NotificationCounts> CountsAsync(CancellationToken ct) => await CountsAsync(await StoredCountSums(db.RegisterTallies, Today).ToListAsync(ct), ct);

    /// <summary>
    /// The stored part of the counts, kept by the save per desk (ADR-015): open notifications by deadline, so overdue is
    /// a sum over the days before today; and capture cards sent late (final, so a count of them grows with the
    /// register). One row per dimension. The review reads it in the same statement as its own tallies.
    /// </summary>
    internal static IQueryable<TallySum> StoredCountSums(IQueryable<RegisterTally> tallies, DateOnly today)
    {
        var todayNumber = today.DayNumber;
        return tallies
            .Where(t => ((t.Dimension == TallyDimension.OpenCaptureCards || t.Dimension == TallyDimension.OpenOtherNotifications) && t.Value < todayNumber)
                || t.Dimension == TallyDimension.LateCaptureCards)
            .GroupBy(t => t.Dimension).Select(g => new TallySum { Dimension = g.Key, Value = 0, Count = g.Sum(t => t.Count) });
    }

    /// <summary>The counts from <see cref="StoredCountSums"/> already read, with what records from before notifications existed owe.</summary>
    internal async Task<NotificationCounts> CountsAsync(IReadOnlyCollection<TallySum> storedSums, CancellationToken ct)
    {
        var cutoff = Today.AddDays(-options.CaptureCardDays);
        var days = options.CaptureCardDays;
        int Stored(TallyDimension dimension) => storedSums.Where(t => t.Dimension == dimension).Sum(t => t.Count);
        var overdueCardsStored = Stored(TallyDimension.OpenCaptureCards);
        var overdueStored = overdueCardsStored + Stored(TallyDimension.OpenOtherNotifications);
        var lateStored = Stored(TallyDimension.LateCaptureCards);
        var overdueCardsDerived = await legacy.MayExistAsync(db, ct) ? await OwedCaptureCards().CountAsync(p => p.DateOfCapture < cutoff, ct) : 0;
        // Records from before notifications existed: the card counts as sent by the first "ICRC notified" event.
        var lateDerived = !await legacy.WithoutStoredCardMayExistAsync(db, ct) ? 0 : await WithoutStoredCaptureCard()
            .Where(p => p.CustodyEvents.Any(e => e.Kind == CustodyEventKind.IcrcNotified))
            .CountAsync(p => !p.CustodyEvents.Any(e => e.Kind == CustodyEventKind.IcrcNotified && e.Date <= p.DateOfCapture!.Value.AddDays(days)), ct);
        return new NotificationCounts(overdueStored + overdueCardsDerived, overdueCardsStored + overdueCardsDerived, lateStored + lateDerived);
    }

    /// <summary>Every notification of one prisoner (sent or not), with the derived capture card when one is owed; null when he is not visible.</summary>
    public async Task<IReadOnlyList<PrisonerNotification>?> OfPrisonerAsync(int prisonerId, CancellationToken ct) =>
        await db.Prisoners.AsNoTracking().Include(p => p.CustodyEvents).FirstOrDefaultAsync(p => p.Id == prisonerId, ct) is { } prisoner
            ? await OfVisiblePrisonerAsync(prisoner, ct)
            : null;

    /// <summary>
    /// Every notification of a prisoner the caller has already loaded through the need-to-know filter, with his custody
    /// events (the record page), and the derived capture card when one is owed.
    /// </summary>
    internal async Task<IReadOnlyList<PrisonerNotification>> OfVisiblePrisonerAsync(Prisoner prisoner, CancellationToken ct)
    {
        var today = Today;
        var stored = await db.Notifications.AsNoTracking().Where(n => n.PrisonerId == prisoner.Id).ToListAsync(ct);
        var list = stored.Select(n => new PrisonerNotification(n.Id, n.Kind, n.EventDate, n.DueOn, n.SentOn, n.Channel, n.SentReference, n.IsOverdue(today))).ToList();
        // OwedCaptureCards' rule, on what is loaded already: asking the database again cost a tenth of the page.
        if (prisoner.DateOfCapture is { } captured
            && !stored.Any(n => n.Kind == NotificationKind.CaptureCard)
            && !prisoner.CustodyEvents.Any(e => e.Kind == CustodyEventKind.IcrcNotified))
        {
            var due = options.DueOn(NotificationKind.CaptureCard, captured);
            list.Add(new PrisonerNotification(null, NotificationKind.CaptureCard, captured, due, null, null, null, due < today));
        }
        return list.OrderBy(n => n.EventDate).ThenBy(n => n.Id).ToList();
    }

    /// <summary>An open notification to mark sent: by its id, or (id null) the derived capture card of a prisoner.</summary>
    public async Task<NotificationRow?> OpenOneAsync(int? id, int? prisonerId, CancellationToken ct)
    {
        var today = Today;
        if (id is { } notificationId)
        {
            var row = await db.Notifications.AsNoTracking().Where(n => n.Id == notificationId && n.SentOn == null)
                .Join(db.Prisoners.Select(Line), n => n.PrisonerId, p => p.Id, (n, p) => new { n.Id, n.Kind, n.EventDate, n.DueOn, Prisoner = p })
                .FirstOrDefaultAsync(ct);
            return row is null ? null : new NotificationRow(row.Id, row.Prisoner.Id, row.Prisoner.Reference, row.Prisoner.Name, row.Kind, row.EventDate, row.DueOn, row.DueOn < today);
        }
        if (prisonerId is not { } pid) return null;
        var owed = await OwedCaptureCards().Where(p => p.Id == pid).Select(Line).FirstOrDefaultAsync(ct);
        if (owed is null) return null;
        var due = options.DueOn(NotificationKind.CaptureCard, owed.DateOfCapture!.Value);
        return new NotificationRow(null, owed.Id, owed.Reference, owed.Name, NotificationKind.CaptureCard, owed.DateOfCapture.Value, due, due < today);
    }

    /// <summary>Records that a notification went out. Not found when it is not visible; refused when already sent or the input is wrong.</summary>
    public async Task<ServiceResult<Notification>> MarkSentAsync(int id, SentInput input, Actor actor, CancellationToken ct)
    {
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notification is null) return ServiceResult<Notification>.NotFound();
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid) return ServiceResult<Notification>.Failure(validation);
        return await MarkAsync(notification, input, actor, ct);
    }

    /// <summary>Marks sent the capture card owed by a record that has no stored one (see <see cref="NotificationRow"/>): it is stored now.</summary>
    public async Task<ServiceResult<Notification>> MarkCaptureCardSentAsync(int prisonerId, SentInput input, Actor actor, CancellationToken ct)
    {
        var prisoner = await db.Prisoners.Include(p => p.Notifications).FirstOrDefaultAsync(p => p.Id == prisonerId, ct);
        if (prisoner is null || prisoner.DateOfCapture is null) return ServiceResult<Notification>.NotFound();
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid) return ServiceResult<Notification>.Failure(validation);
        if (prisoner.Notifications.Any(n => n.Kind == NotificationKind.CaptureCard && !n.IsOpen)
            || await db.CustodyEvents.AnyAsync(e => e.PrisonerId == prisonerId && e.Kind == CustodyEventKind.IcrcNotified, ct))
        {
            return ServiceResult<Notification>.Failure(Refusal.Conflict("Notification.CaptureCard.AlreadySent"));
        }
        return await MarkAsync(prisoner.OweCaptureCard(options, actor, clock.GetUtcNow()), input, actor, ct);
    }

    /// <summary>The input is already validated.</summary>
    private async Task<ServiceResult<Notification>> MarkAsync(Notification notification, SentInput input, Actor actor, CancellationToken ct)
    {
        _ = PrisonerInputValidator.TryParseDate(input.SentOn, out var sentOn);
        if (notification.MarkSent(sentOn, input.Channel!.Value, Text.Clean(input.Reference), actor, clock.GetUtcNow()) is { } refused)
        {
            return ServiceResult<Notification>.Failure(refused);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // SentOn is the concurrency token: someone else marked it sent since we read it.
            return ServiceResult<Notification>.Failure(Refusal.Conflict("Notification.AlreadySentBySomeoneElse"));
        }
        logger.LogInformation("Notification {NotificationId} of prisoner {PrisonerId} marked sent by {UserId}", notification.Id, notification.PrisonerId, actor.UserId);
        return ServiceResult<Notification>.Success(notification);
    }

    /// <summary>
    /// The weekly list for the health reports: prisoners in hospital at some time in the week (from the custody
    /// timeline), and prisoners whose health is recorded as seriously sick or wounded who were in our hands that week.
    /// The health status has no history: it is today's value, also for a past week.
    /// </summary>
    public async Task<SickList> SickListAsync(DateOnly anyDayOfWeek, CancellationToken ct)
    {
        var start = IsoWeek.MondayOf(anyDayOfWeek);
        var end = start.AddDays(6);
        var candidates = await db.Prisoners.AsNoTracking().Include(p => p.CustodyEvents).Include(p => p.Aliases)
            .Where(p => p.HealthStatus == HealthStatus.SeriouslySickOrWounded
                || p.CustodyEvents.Any(e => e.Kind == CustodyEventKind.Hospitalised && e.Date <= end))
            .AsSplitQuery().ToListAsync(ct);

        var rows = new List<SickListRow>();
        foreach (var p in candidates)
        {
            var moves = p.CustodyEvents.Where(e => Prisoner.StatusAfter(e.Kind) is not null)
                .OrderBy(e => e.Date).ThenBy(e => e.RecordedAt).ThenBy(e => e.Id).ToList();
            var before = moves.LastOrDefault(e => e.Date < start);
            var statuses = moves.Where(e => e.Date >= start && e.Date <= end).Select(e => Prisoner.StatusAfter(e.Kind)!.Value).ToList();
            statuses.Add(before is null ? CustodyStatus.Unknown : Prisoner.StatusAfter(before.Kind)!.Value);
            var hospitalised = statuses.Contains(CustodyStatus.Hospitalised);
            var inOurHands = statuses.Any(s => s is CustodyStatus.InCustody or CustodyStatus.Hospitalised)
                || (moves.Count == 0 && p.CustodyStatus == CustodyStatus.Unknown); // nothing recorded: we do not know he has left
            if (!hospitalised && !(p.HealthStatus == HealthStatus.SeriouslySickOrWounded && inOurHands)) continue;

            var admission = hospitalised ? moves.LastOrDefault(e => e.Kind == CustodyEventKind.Hospitalised && e.Date <= end) : null;
            rows.Add(new SickListRow(p.Id, p.Reference, p.DisplayName, p.Rank, p.ServiceNumber, p.PowerDependedOnCode, p.PlaceOfInternment,
                p.HealthStatus, hospitalised, admission?.Date, admission?.Place, p.CustodyStatus));
        }
        return new SickList(start, end, IsoWeek.Format(start), rows.OrderBy(r => r.Reference, StringComparer.Ordinal).ToList());
    }

    /// <summary>Visible records with a date of capture and no stored capture-card notification.</summary>
    private IQueryable<Prisoner> WithoutStoredCaptureCard() =>
        // Not IgnoreQueryFilters() on the inner query: EF applies it to the whole query, and the need-to-know filter would go too.
        db.Prisoners.AsNoTracking().Where(p => p.DateOfCapture != null && !p.Notifications.Any(n => n.Kind == NotificationKind.CaptureCard));

    /// <summary>Capture cards owed on the fly: no stored card, and no "ICRC notified (capture card sent)" on the timeline. The record page applies the same rule to the prisoner it loaded (OfVisiblePrisonerAsync).</summary>
    private IQueryable<Prisoner> OwedCaptureCards() =>
        WithoutStoredCaptureCard().Where(p => !p.CustodyEvents.Any(e => e.Kind == CustodyEventKind.IcrcNotified));

    /// <summary>What a line of the queue shows of the prisoner: the one projection every query naming him uses.</summary>
    private static readonly Expression<Func<Prisoner, PrisonerLine>> Line = p => new PrisonerLine
    {
        Id = p.Id,
        Reference = p.Reference,
        FamilyName = p.FamilyName,
        GivenNames = p.GivenNames,
        Alias = p.Aliases.OrderBy(a => a.Id).Select(a => a.Name).FirstOrDefault(),
        DateOfCapture = p.DateOfCapture,
    };

    private sealed class PrisonerLine
    {
        public int Id { get; init; }
        public string Reference { get; init; } = "";
        public string? FamilyName { get; init; }
        public string? GivenNames { get; init; }
        public string? Alias { get; init; }
        public DateOnly? DateOfCapture { get; init; }
        public string Name => NameOf(FamilyName, GivenNames, Alias);
    }

    private static string NameOf(string? family, string? given, string? alias) =>
        string.Join(' ', new[] { family, given }.Where(n => !string.IsNullOrEmpty(n))) is { Length: > 0 } name ? name : alias ?? "(name unknown)";
}
