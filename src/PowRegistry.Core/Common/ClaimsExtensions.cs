using System.Security.Claims;

namespace PowRegistry.Core.Common;

public static class ClaimsExtensions
{
    public static Actor Actor(this ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The request has no signed-in user."));
}
