using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Audit;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Web.Pages.Prisoners;

/// <summary>Everything about one prisoner on one page, timeline included.</summary>
public sealed class DetailsModel(RecordPageService records) : PageModel
{
    public const int HistoryLength = RecordPageService.HistoryLength;

    public PrisonerRecord Record { get; private set; } = null!;
    public Prisoner Prisoner => Record.Prisoner;
    public string DeskName => Record.DeskName;
    public IReadOnlyList<AuditRow> History => Record.History;
    public IReadOnlyList<PrisonerMerge> Merges => Record.Merges;
    public IReadOnlyList<WishDeclaration> Wishes => Record.Wishes;
    public IReadOnlyList<Core.Requests.TransferRequest> Requests => Record.Requests;
    public IReadOnlyList<Core.Consultations.Consultation> Consultations => Record.Consultations;
    public IReadOnlyList<Core.Notifications.PrisonerNotification> Notifications => Record.Notifications;
    public WishDeclaration? CurrentWish => WishDeclaration.Current(Wishes);
    public bool IsAdministrator => User.IsInRole(Roles.Administrator);
    public bool CanEdit => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.CaseOfficer);

    /// <summary>Next-of-kin details: the owning desk and administrators only.</summary>
    public bool MaySeeSensitive => Record.MaySeeSensitive;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var answer = await records.GetAsync(id, ct);
        if (answer.Record is null) return answer.MergedIntoId is { } survivor ? RedirectToPage("Details", new { id = survivor }) : NotFound();
        Record = answer.Record;
        return Page();
    }
}
