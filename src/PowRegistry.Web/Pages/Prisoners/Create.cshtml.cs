using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Prisoners;

public sealed class CreateModel(PrisonerService prisoners) : PageModel
{
    [BindProperty] public PrisonerInput Form { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var result = await prisoners.CreateAsync(Form, User.Actor(), ct);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, nameof(Form));
            return Page();
        }
        TempData["Message"] = $"Registered as {result.Value!.Reference}.";
        return RedirectToPage("Details", new { id = result.Value.Id });
    }
}
