using System.Security.Claims;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// Tells the service layer who is asking, once per request, right after authentication: the user id for the audit
/// trail, and the desks whose records he may see (the database's need-to-know filter reads them).
/// </summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentUser currentUser, DeskService desks)
    {
        if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            var deskIds = await desks.DeskIdsOfAsync(userId, context.RequestAborted);
            currentUser.SignedIn(userId, context.User.IsInRole(Roles.Administrator), context.User.IsInRole(Roles.Auditor), deskIds);
        }
        await next(context);
    }
}
