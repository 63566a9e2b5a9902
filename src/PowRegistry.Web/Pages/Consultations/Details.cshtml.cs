using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Consultations;

public sealed class DetailsModel(ConsultationService consultations, AuditService audit, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : PageModel
{
    private Dictionary<string, string> _names = [];

    public Consultation Consultation { get; private set; } = null!;
    public IReadOnlyList<string> CounterpartNames { get; private set; } = [];
    public string DeskName { get; private set; } = "";

    /// <summary>The prisoners named that the reader may see; the others are counted, not shown.</summary>
    public IReadOnlyList<(int Id, string Reference)> Prisoners { get; private set; } = [];
    public IReadOnlyList<DocumentInfo> Documents { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OwnerOptions { get; private set; } = [];
    public bool Stalled => Consultation.IsStalled(clock.GetUtcNow(), consultations.Options.StalledAfterDays);
    public int StalledAfterDays => consultations.Options.StalledAfterDays;
    public int MaxDocumentMegabytes => consultations.Options.MaxDocumentBytes / (1024 * 1024);
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Who made a change, by display name; the application itself (start-up, demo data, commands) by its name.</summary>
    public string UserName(string id) => _names.GetValueOrDefault(id) ?? (id == Core.Common.CurrentUser.SystemUserId ? t["PowRegistry (system)"] : id);

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

    public async Task<IActionResult> OnPostDocumentAsync(int id, IFormFile? document, CancellationToken ct)
    {
        if (document is null) return await AfterAsync(id, (false, [Refusal.Invalid("ConsultationDocument.Required").On("Document")]), "", ct);
        await using var content = document.OpenReadStream();
        var result = await consultations.AddDocumentAsync(id, document.FileName, document.Length, content, User.Actor(), ct);
        return await AfterAsync(id, (result.IsNotFound, result.Errors), "Document attached.", ct);
    }

    /// <summary>Downloads an attachment: always as a file to save, never shown inline, under its checked type.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(int id, int documentId, CancellationToken ct)
    {
        var document = await consultations.DocumentAsync(id, documentId, ct);
        if (document is null) return NotFound();
        return File(document.Content, document.ContentType, document.FileName);
    }

    private async Task<IActionResult> AfterAsync(int id, (bool NotFound, IReadOnlyList<Refusal> Errors) outcome, string done, CancellationToken ct)
    {
        if (outcome.NotFound) return NotFound();
        if (outcome.Errors.Count > 0)
        {
            ModelState.Clear();
            if (this.ShowRefusals(outcome.Errors, "") is { } refused) return refused;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        this.Notify(done);
        return Redirect($"/Consultations/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var consultation = await consultations.GetAsync(id, ct);
        if (consultation is null) return false;
        Consultation = consultation;
        var counterparts = await consultations.CounterpartsAsync(ct);
        CounterpartNames = counterparts.Where(c => consultation.CounterpartIds.Contains(c.Id)).Select(c => c.Name).ToList();
        DeskName = await consultations.DeskNameAsync(consultation.DeskId, ct);
        Prisoners = await consultations.VisiblePrisonersAsync(consultation, ct);
        Documents = await consultations.DocumentsAsync(id, ct) ?? [];
        OwnerOptions = (await consultations.PossibleOwnersAsync(consultation.DeskId, ct)).Select(o => new SelectListItem(o.Name, o.Id)).ToList();
        _names = (await audit.UsersAsync(ct)).ToDictionary(u => u.Id, u => u.Name);
        return true;
    }
}
