using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Consultations;

public sealed class DetailsModel(ConsultationService consultations, AuditService audit, TimeProvider clock) : PageModel
{
    private Dictionary<string, string> _names = [];

    public Consultation Consultation { get; private set; } = null!;
    public IReadOnlyList<string> CounterpartNames { get; private set; } = [];
    public IEnumerable<SelectListItem> OwnerOptions => _names.Select(n => new SelectListItem(n.Value, n.Key));
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public string UserName(string id) => _names.GetValueOrDefault(id, id);

    /// <summary>Auditors read consultations; only administrators and case officers change them.</summary>
    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        if (HttpMethods.IsPost(Request.Method) && !User.IsInRole(Core.Accounts.Roles.Administrator) && !User.IsInRole(Core.Accounts.Roles.CaseOfficer))
        {
            context.Result = Forbid();
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStatusAsync(int id, ConsultationStatus? status, CancellationToken ct) =>
        await AfterAsync(id, await consultations.ChangeStatusAsync(id, ModelState.IsValid ? status : null, User.Actor(), ct) is var r ? (r.IsNotFound, r.Errors) : default, "Status changed.", ct);

    public async Task<IActionResult> OnPostItemAsync(int id, string? what, string? owner, string? due, CancellationToken ct) =>
        await AfterAsync(id, await consultations.AddActionItemAsync(id, what, owner, due, User.Actor(), ct) is var r ? (r.IsNotFound, r.Errors) : default, "Action item added.", ct);

    public async Task<IActionResult> OnPostDoneAsync(int id, int itemId, CancellationToken ct) =>
        await AfterAsync(id, await consultations.CompleteActionItemAsync(id, itemId, User.Actor(), ct) is var r ? (r.IsNotFound, r.Errors) : default, "Action item done.", ct);

    private async Task<IActionResult> AfterAsync(int id, (bool NotFound, IReadOnlyList<FieldError> Errors) outcome, string done, CancellationToken ct)
    {
        if (outcome.NotFound) return NotFound();
        if (outcome.Errors.Count > 0)
        {
            ModelState.Clear();
            ModelState.AddErrors(outcome.Errors, "");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        TempData["Message"] = done;
        return Redirect($"/Consultations/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var consultation = await consultations.GetAsync(id, ct);
        if (consultation is null) return false;
        Consultation = consultation;
        var counterparts = await consultations.CounterpartsAsync(ct);
        CounterpartNames = counterparts.Where(c => consultation.CounterpartIds.Contains(c.Id)).Select(c => c.Name).ToList();
        _names = (await audit.UsersAsync(ct)).ToDictionary(u => u.Id, u => u.Name);
        return true;
    }
}
