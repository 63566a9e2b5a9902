using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Audit;

namespace PowRegistry.Web.Pages.Audit;

public sealed class VerifyModel(AuditService audit) : PageModel
{
    public AuditVerification Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Result = await audit.VerifyAsync(ct);
}
