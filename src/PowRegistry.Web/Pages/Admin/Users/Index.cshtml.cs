using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Accounts;

namespace PowRegistry.Web.Pages.Admin.Users;

public sealed class IndexModel(UserAdminService users) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Users = await users.ListAsync(ct);
}
