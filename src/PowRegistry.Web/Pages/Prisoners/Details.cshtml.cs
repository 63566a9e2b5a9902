using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Web.Pages.Prisoners;

/// <summary>Everything about one prisoner on one page, timeline included.</summary>
public sealed class DetailsModel(PrisonerService prisoners, MergeService merges, AuditService audit, DeskService desks, WishService wishes, Core.Requests.RequestService requests, Core.Consultations.ConsultationService consultations, Core.Notifications.NotificationService notifications, CurrentUser currentUser) : PageModel
{
    public const int HistoryLength = 50;

    public Prisoner Prisoner { get; private set; } = null!;
    public string DeskName { get; private set; } = "";
    public IReadOnlyList<AuditRow> History { get; private set; } = [];
    public IReadOnlyList<PrisonerMerge> Merges { get; private set; } = [];
    public IReadOnlyList<WishDeclaration> Wishes { get; private set; } = [];
    public IReadOnlyList<Core.Requests.TransferRequest> Requests { get; private set; } = [];
    public IReadOnlyList<Core.Consultations.Consultation> Consultations { get; private set; } = [];
    public IReadOnlyList<Core.Notifications.PrisonerNotification> Notifications { get; private set; } = [];
    public WishDeclaration? CurrentWish => WishDeclaration.Current(Wishes);
    public bool IsAdministrator => User.IsInRole(Roles.Administrator);
    public bool CanEdit => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.CaseOfficer);

    /// <summary>Next-of-kin details: the owning desk and administrators only.</summary>
    public bool MaySeeSensitive => currentUser.MaySeeSensitive(Prisoner.DeskId);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var prisoner = await prisoners.OpenAsync(id, ct);
        if (prisoner is null)
        {
            // An old link to a record merged into another leads to the survivor.
            return await merges.MergedIntoAsync(id, ct) is { } survivor ? RedirectToPage("Details", new { id = survivor }) : NotFound();
        }
        Merges = await merges.MergesIntoAsync(id, ct);
        Wishes = await wishes.TimelineAsync(id, ct) ?? [];
        Requests = await requests.OfPrisonerAsync(id, ct) ?? [];
        Consultations = await consultations.ConcerningAsync(id, ct);
        Notifications = await notifications.OfPrisonerAsync(id, ct) ?? [];
        Prisoner = prisoner;
        DeskName = (await desks.ListAsync(ct)).FirstOrDefault(d => d.Id == prisoner.DeskId)?.Name ?? "";
        History = await audit.HistoryOfPrisonerAsync(id, HistoryLength, ct) ?? [];
        return Page();
    }
}
