using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

using PowRegistry.Core.Accounts;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// A user whose role requires a second factor, and who has none yet, reaches only the enrolment page (and can log
/// out) until enrolled. The claim it looks at is in the session, refreshed at each security-stamp check.
/// </summary>
public sealed class TwoFactorEnrolmentFilter : IAsyncPageFilter
{
    public const string EnrolmentPage = "/Account/TwoFactor";

    private static readonly HashSet<string> Open = new(StringComparer.OrdinalIgnoreCase)
    {
        EnrolmentPage, "/Account/Logout", "/Account/Login", "/Account/LoginWith2fa", "/Account/AccessDenied", "/Status", "/Error",
    };

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.User.HasClaim(TwoFactorService.EnrolmentPendingClaimType, "true") && !Open.Contains(context.ActionDescriptor.ViewEnginePath))
        {
            context.Result = new RedirectToPageResult(EnrolmentPage);
            return;
        }
        await next();
    }
}
