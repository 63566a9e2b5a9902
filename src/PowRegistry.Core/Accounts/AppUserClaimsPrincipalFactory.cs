using System.Security.Claims;

using Microsoft.AspNetCore.Identity;

namespace PowRegistry.Core.Accounts;

/// <summary>
/// Identity's principal (user id, name, roles, role claims, security stamp) plus one claim when the user's role
/// requires a second factor the user has not set up. Rebuilt at every security-stamp check, so it follows changes.
/// </summary>
public sealed class AppUserClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (identity.HasClaim(TwoFactorService.RequiredClaimType, "true") && !await UserManager.GetTwoFactorEnabledAsync(user))
        {
            identity.AddClaim(new Claim(TwoFactorService.EnrolmentPendingClaimType, "true"));
        }
        return identity;
    }
}
