using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Wishes;

public sealed class AddModel(WishService wishes, PrisonerService prisoners) : PageModel
{
    [BindProperty] public WishInput Form { get; set; } = new();
    public int Id { get; private set; }
    public string Reference { get; private set; } = "";
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await wishes.RecordAsync(id, Form, User.Actor(), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, nameof(Form)) is { } refused) return refused;
            return Page();
        }
        this.Notify("Wish statement recorded.");
        return Redirect($"/Prisoners/{id}#wishes");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var prisoner = await prisoners.GetAsync(id, ct);
        if (prisoner is null) return false;
        (Id, Reference, Name) = (id, prisoner.Reference, prisoner.DisplayName);
        return true;
    }
}
