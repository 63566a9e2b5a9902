using System.Security.Claims;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Data;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// Tells the service layer who is asking, once per request, right after authentication: the user id for the audit
/// trail, and the desks whose records he may see (the database's need-to-know filter reads them). The same read
/// ends a session whose account was disabled, removed or changed (a new security stamp: role, password, second factor)
/// before this request does anything with it: the change holds on his very next request, not a minute later (ADR-018).
/// On SQLite a signed-in request opens its database connection here, once, and its queries share it: EF would otherwise
/// open and close it around each query (the record page makes about fifteen), each time running the connection's
/// pragmas. Not on PostgreSQL, whose bounded pool must not be held by waiting requests (<see cref="DatabaseSetup.HoldsConnectionPerRequest"/>).
/// </summary>
public sealed class CurrentUserMiddleware(RequestDelegate next, IOptions<IdentityOptions> identity, ILogger<CurrentUserMiddleware> logger)
{
    private readonly string _stampClaimType = identity.Value.ClaimsIdentity.SecurityStampClaimType;

    public async Task InvokeAsync(HttpContext context, CurrentUser currentUser, SessionStandingQuery standings, PowRegistryDbContext db)
    {
        if (context.User.Identity?.IsAuthenticated != true || context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            await next(context);
            return;
        }

        var holdsConnection = db.Database.HoldsConnectionPerRequest();
        if (holdsConnection) await db.Database.OpenConnectionAsync(context.RequestAborted);
        try
        {
            var standing = await standings.OfAsync(userId, context.RequestAborted);
            // A principal from the sign-in cookie carries the stamp it was issued under; one from an API token does not
            // (the token check reads the account itself), so only the former is compared.
            var stamp = context.User.FindFirstValue(_stampClaimType);
            if (standing is null || standing.IsDisabled || (stamp is not null && stamp != standing.SecurityStamp))
            {
                logger.LogInformation("Session of user {UserId} ended: the account is disabled, removed or changed since sign-in", userId);
                if (stamp is not null) await context.SignOutAsync(IdentityConstants.ApplicationScheme); // removes the server-side session too
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else
            {
                currentUser.SignedIn(userId, context.User.IsInRole(Roles.Administrator), context.User.IsInRole(Roles.Auditor), standing.DeskIds);
            }
            await next(context);
        }
        finally
        {
            if (holdsConnection) await db.Database.CloseConnectionAsync();
        }
    }
}
