using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Common;
using PowRegistry.Core.Wishes;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Wishes;

public sealed class WithdrawModel(WishService wishes) : PageModel
{
    [BindProperty] public string? Reason { get; set; }
    public int Id { get; private set; }
    public WishDeclaration Wish { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int wishId, CancellationToken ct) => await LoadAsync(id, wishId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int wishId, CancellationToken ct)
    {
        if (!await LoadAsync(id, wishId, ct)) return NotFound();
        var result = await wishes.WithdrawAsync(id, wishId, Reason, User.Actor(), ct);
        if (result.IsNotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, "") is { } refused) return refused;
            return Page();
        }
        this.Notify("Statement withdrawn.");
        return Redirect($"/Prisoners/{id}#wishes");
    }

    private async Task<bool> LoadAsync(int id, int wishId, CancellationToken ct)
    {
        var timeline = await wishes.TimelineAsync(id, ct);
        var wish = timeline?.FirstOrDefault(w => w.Id == wishId);
        if (wish is null) return false;
        (Id, Wish) = (id, wish);
        return true;
    }
}
