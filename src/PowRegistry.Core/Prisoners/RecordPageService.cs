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
    /// <summary>How many of the latest audit entries the page shows.</summary>
    public const int HistoryLength = 50;

    /// <summary>Opens the record (the access is audited) and reads what the page shows with it.</summary>
    public async Task<RecordPageAnswer> GetAsync(int id, CancellationToken ct)
    {
        var prisoner = await prisoners.OpenAsync(id, ct);
        // An old link to a record merged into another leads to the survivor.
        if (prisoner is null) return new RecordPageAnswer(null, await merges.MergedIntoAsync(id, ct));

        var merged = await merges.MergesIntoAsync(id, ct);
        var statements = await wishes.TimelineAsync(id, ct) ?? [];
        var ofPrisoner = await requests.OfPrisonerAsync(id, ct) ?? [];
        var concerning = await consultations.ConcerningAsync(id, ct);
        var owed = await notifications.OfPrisonerAsync(id, ct) ?? [];
        var deskName = (await desks.ListAsync(ct)).FirstOrDefault(d => d.Id == prisoner.DeskId)?.Name ?? "";
        var history = await audit.HistoryOfPrisonerAsync(id, HistoryLength, ct) ?? [];
        return new RecordPageAnswer(
            new PrisonerRecord(prisoner, deskName, currentUser.MaySeeSensitive(prisoner.DeskId), merged, statements, ofPrisoner, concerning, owed, history),
            null);
    }
}
