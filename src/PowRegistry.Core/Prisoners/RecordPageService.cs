using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Notifications;
using PowRegistry.Core.Requests;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Prisoners;

/// <summary>Answers the record's page in one call: a prisoner with his statements, requests, consultations, notifications and history.</summary>
public sealed class RecordPageService(
    PrisonerService prisoners,
    MergeService merges,
    AuditService audit,
    DeskService desks,
    WishService wishes,
    RequestQueries requests,
    ConsultationService consultations,
    NotificationService notifications,
    CurrentUser currentUser)
{
    /// <summary>How many of the latest changes the page shows; the record's history page shows them all.</summary>
    public const int HistoryLength = 10;

    /// <summary>
    /// Opens the record and reads what the page shows with it. The access entry is committed while the rest is read
    /// (the commit is shared with concurrent views), and the answer is returned only once that entry is durable.
    /// </summary>
    public async Task<RecordPageAnswer> GetAsync(int id, CancellationToken ct)
    {
        var prisoner = await prisoners.GetAsync(id, ct);
        // An old link to a record merged into another leads to the survivor.
        if (prisoner is null) return new RecordPageAnswer(null, await merges.MergedIntoAsync(id, ct));

        var audited = prisoners.AuditOpeningAsync(id, ct);
        // The prisoner was read through the need-to-know filter: the parts below need not ask again whether he is visible.
        var merged = await merges.MergesIntoAsync(id, ct);
        var statements = await wishes.TimelineOfVisibleAsync(id, ct);
        var ofPrisoner = await requests.OfVisiblePrisonerAsync(id, ct);
        var concerning = await consultations.ConcerningAsync(id, ct);
        var owed = await notifications.OfVisiblePrisonerAsync(prisoner, ct);
        var deskName = await desks.NameOfAsync(prisoner.DeskId, ct) ?? "";
        var history = await audit.HistoryOfVisibleAsync(id, prisoner.DeskId, merged.Select(m => m.MergedId).ToList(), HistoryLength + 1, ct); // one more: is there more to show?
        // No page without its audit entry: this throws if the entry could not be written.
        await audited;
        return new RecordPageAnswer(
            new PrisonerRecord(prisoner, deskName, currentUser.MaySeeSensitive(prisoner.DeskId), merged, statements, ofPrisoner, concerning, owed, history),
            null);
    }
}
