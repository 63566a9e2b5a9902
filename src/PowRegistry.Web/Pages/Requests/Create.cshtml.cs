using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

using PowRegistry.Core.Common;
using PowRegistry.Core.Countries;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Requests;
using PowRegistry.Core.Wishes;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Requests;

public sealed class CreateModel(RequestService requests, PrisonerService prisoners, WishService wishes, MessageText text) : PageModel
{
    [BindProperty] public RequestInput Form { get; set; } = new();
    public int Id { get; private set; }
    public string Reference { get; private set; } = "";
    public string Name { get; private set; } = "";
    public IEnumerable<SelectListItem> WishOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await requests.CreateAsync(id, Form, User.Actor(), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, nameof(Form)) is { } refused) return refused;
            return Page();
        }
        this.Notify("Request created as a draft.");
        return RedirectToPage("Details", new { id = result.Value!.Id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var prisoner = await prisoners.GetAsync(id, ct);
        if (prisoner is null) return false;
        (Id, Reference, Name) = (id, prisoner.Reference, prisoner.DisplayName);
        var statements = await wishes.TimelineAsync(id, ct) ?? [];
        WishOptions = statements.Where(w => !w.IsWithdrawn).Select(w => new SelectListItem(
            $"{w.TakenOn.Show()}: {text.Label(w.Destination)}{(w.DestinationStateCode is null ? "" : " — " + CountryList.NameOf(w.DestinationStateCode))} ({text.Label(w.Verification)})",
            w.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), w.Id == Form.WishId));
        return true;
    }
}
