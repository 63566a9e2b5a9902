using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Admin.Users;

public sealed class EditModel(UserAdminService users, DeskService desks, MessageText text) : PageModel
{
    public UserRow Target { get; private set; } = null!;
    public IReadOnlyList<DeskRow> AllDesks { get; private set; } = [];
    public IReadOnlyList<int> MemberOf { get; private set; } = [];

    public IEnumerable<SelectListItem> RoleOptions => Roles.All.Select(r => new SelectListItem(text[Roles.Label(r)], r, r == Target.Role));

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRoleAsync(string id, string? role) =>
        await ApplyAsync(id, () => users.ChangeRoleAsync(id, role, User.Actor()), "Role changed.");

    public async Task<IActionResult> OnPostDesksAsync(string id, int[] deskIds, CancellationToken ct) =>
        // An unreadable desk id would drop out of the list and silently remove that membership: refused instead.
        await ApplyAsync(id, () => ModelState.IsValid
            ? desks.SetMembershipAsync(id, deskIds, ct)
            : Task.FromResult(ServiceResult<bool>.Failure("", "Desk.Unreadable")), "Desks saved.");

    public async Task<IActionResult> OnPostDisableAsync(string id) =>
        await ApplyAsync(id, () => users.SetDisabledAsync(id, disabled: true, User.Actor()), "Account disabled.");

    public async Task<IActionResult> OnPostEnableAsync(string id) =>
        await ApplyAsync(id, () => users.SetDisabledAsync(id, disabled: false, User.Actor()), "Account enabled.");

    private async Task<IActionResult> ApplyAsync(string id, Func<Task<ServiceResult<bool>>> change, string done)
    {
        var result = await change();
        if (result.IsNotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, "") is { } refused) return refused;
            return await LoadAsync(id) ? Page() : NotFound();
        }
        this.Notify(done);
        return RedirectToPage("Edit", new { id });
    }

    private async Task<bool> LoadAsync(string id)
    {
        var target = await users.GetAsync(id);
        if (target is null) return false;
        Target = target;
        AllDesks = await desks.ListAsync(HttpContext.RequestAborted);
        MemberOf = await desks.DeskIdsOfAsync(id, HttpContext.RequestAborted);
        return true;
    }
}
