using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Admin.Users;

public sealed class CreateModel(UserAdminService users, MessageText text) : PageModel
{
    [BindProperty] public NewUserInput Form { get; set; } = new() { Role = Roles.CaseOfficer };

    public IEnumerable<SelectListItem> RoleOptions => Roles.All.Select(r => new SelectListItem(text[Roles.Label(r)], r));

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await users.CreateAsync(Form, User.Actor(), ct);
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, nameof(Form)) is { } refused) return refused;
            return Page();
        }
        this.Notify("User {0} created.", result.Value!.Email!);
        return RedirectToPage("Index");
    }
}
