using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Requests;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Requests;

/// <summary>One request: its status, the safeguards in force, the next steps and its history.</summary>
public sealed class DetailsModel(RequestService requests, RequestQueries queries, Core.Consultations.ConsultationService consultations, AuditService audit, CurrentUser currentUser, MessageText text, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : PageModel
{
    private Dictionary<string, string> _names = [];

    public TransferRequest Transfer { get; private set; } = null!;
    public Prisoner Prisoner { get; private set; } = null!;
    /// <summary>Why the non-refoulement stop (and GC III Art. 109(3)) is in force now: shown by the page in the reader's language.</summary>
    public IReadOnlyList<Refusal> StopReasons { get; private set; } = [];

    /// <summary>Judged from his record as it stands now (nationality, Power depended on).</summary>
    public bool IsReturnToOrigin { get; private set; }

    /// <summary>Two administrators lifted the stop against the statement that is still his latest.</summary>
    public bool StopLifted { get; private set; }
    public Core.Wishes.WishDeclaration? CurrentWish { get; private set; }

    /// <summary>The completion form proposes the planned date, or today when that is still ahead (it took place early).</summary>
    public DateOnly CompletionDateDefault { get; private set; }
    public IReadOnlyList<Core.Consultations.Consultation> Consultations { get; private set; } = [];
    public bool IsAdministrator => User.IsInRole(Roles.Administrator);
    public bool CanEdit => IsAdministrator || User.IsInRole(Roles.CaseOfficer);

    /// <summary>Who made a change, by display name; the application itself (start-up, demo data, commands) by its name.</summary>
    public string UserName(string id) => _names.GetValueOrDefault(id) ?? (id == Core.Common.CurrentUser.SystemUserId ? t["PowRegistry (system)"] : id);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(int id, RequestStatus to, string? note, DateOnly? handoverDate, HandoverInput handover, CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var result = to == RequestStatus.Completed
            ? await requests.CompleteAsync(id, new HandoverInput
            {
                HandoverDate = handoverDate,
                HandoverPlace = handover.HandoverPlace,
                WitnessOrganisation = handover.WitnessOrganisation,
                WitnessName = handover.WitnessName,
            }, User.Actor(), ct, note)
            : await requests.MoveAsync(id, to, note, handoverDate, User.Actor(), ct);
        return await AfterAsync(id, result.Errors, "Request marked as {0}.", [text.Label(to)], ct);
    }

    /// <summary>An administrator reviews a request flagged after a change of wish.</summary>
    public async Task<IActionResult> OnPostReviewAsync(int id, ReviewDecision? decision, string? reviewReason, CancellationToken ct)
    {
        if (!IsAdministrator) return Forbid();
        if (decision is not { } chosen || !Enum.IsDefined(chosen))
        {
            return await AfterAsync(id, [Refusal.Invalid("Request.Review.DecisionRequired").On("Decision")], "", [], ct);
        }
        var result = await requests.ReviewAsync(id, chosen, reviewReason, User.Actor(), ct);
        return await AfterAsync(id, result.Errors, "Your review is recorded.", [], ct);
    }

    public async Task<IActionResult> OnPostLiftAsync(int id, string? reason, CancellationToken ct)
    {
        var result = await requests.SignOffLiftAsync(id, reason, User.Actor(), ct);
        return await AfterAsync(id, result.Errors, "Your sign-off is recorded.", [], ct);
    }

    private async Task<IActionResult> AfterAsync(int id, IReadOnlyList<Refusal> errors, string done, string[] doneArgs, CancellationToken ct)
    {
        if (errors.Count > 0)
        {
            // Every reason in the list at the top; a field's own message also next to it. The receiving state's answer
            // is refused to a case officer as Forbidden (the API's 403); this page has always said so in words, so a
            // forbidden refusal is shown here rather than answered with 403.
            if (errors.Any(e => e.Kind == RefusalKind.Forbidden)) ModelState.AddRefusals(errors, "", text, alsoAtTop: true);
            else if (this.ShowRefusals(errors, alsoAtTop: true) is { } refused) return refused;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        this.Notify(done, doneArgs);
        return RedirectToPage("Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var found = await queries.GetAsync(id, ct);
        if (found is not { } f) return false;
        (Transfer, Prisoner) = (f.Request, f.Prisoner);
        StopReasons = f.Request.NonRefoulementStop(f.Gate, showFear: currentUser.MaySeeSensitive(f.Prisoner.DeskId)).Concat(f.Request.Article109(f.Gate)).ToList();
        IsReturnToOrigin = f.Request.IsReturnToOrigin(f.Prisoner);
        StopLifted = f.Request.StopLiftedFor(f.CurrentWish);
        CurrentWish = f.CurrentWish;
        CompletionDateDefault = f.Request.HandoverDate is { } planned && planned <= f.Gate.Today ? planned : f.Gate.Today;
        Consultations = await consultations.ConcerningRequestAsync(id, ct);
        _names = (await audit.UsersAsync(ct)).ToDictionary(u => u.Id, u => u.Name);
        return true;
    }
}
