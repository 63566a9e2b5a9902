using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Api;
using PowRegistry.Core.Common;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Admin.Tokens;

/// <summary>API tokens: issue one for a user (shown once), see who holds which, revoke. Administrators only (the /Admin folder).</summary>
public sealed class IndexModel(ApiTokenService tokens, UserAdminService users, TimeProvider clock, MessageText text) : PageModel
{
    [BindProperty] public ApiTokenInput Form { get; set; } = new() { Scope = ApiTokenScope.Read };

    public IReadOnlyList<ApiTokenRow> Tokens { get; private set; } = [];
    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    /// <summary>The token just issued: rendered in this response only, never stored or redirected with.</summary>
    public string? IssuedSecret { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public IEnumerable<SelectListItem> UserOptions => Users.Where(u => !u.IsDisabled).Select(u => new SelectListItem($"{u.Email} ({text[Roles.Label(u.Role)]})", u.Id));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A value that did not bind (days "abc", an unknown scope) leaves the default in place: never issue on it.
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var result = await tokens.IssueAsync(Form, User.Actor(), ct);
        if (!result.Succeeded)
        {
            if (this.ShowRefusals(result.Errors, nameof(Form)) is { } refused) return refused;
        }
        else
        {
            IssuedSecret = result.Value.Secret;
            ModelState.Clear();
            Form = new ApiTokenInput { Scope = ApiTokenScope.Read };
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var result = await tokens.RevokeAsync(id, User.Actor(), ct);
        if (result.IsNotFound) return NotFound();
        this.Notify("Token revoked: it stops working at once.");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tokens = await tokens.ListAsync(ct);
        Users = await users.ListAsync(ct);
    }
}
