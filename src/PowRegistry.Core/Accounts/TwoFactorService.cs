using System.Security.Claims;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;

namespace PowRegistry.Core.Accounts;

/// <summary>
/// The optional second factor: a TOTP code from an authenticator app (RFC 6238), built on Identity's authenticator
/// support. Administrators can require it for a role; the requirement is a claim on the role (AspNetRoleClaims), so
/// it reaches members' sessions through the principal without a query per request.
/// </summary>
public sealed class TwoFactorService(UserManager<AppUser> users, RoleManager<IdentityRole> roles, ILogger<TwoFactorService> logger)
{
    /// <summary>Role claim: members of this role must use a second factor.</summary>
    public const string RequiredClaimType = "powregistry:two-factor-required";

    /// <summary>User claim (added at sign-in and at each security-stamp check): the role requires 2FA and the user has none yet.</summary>
    public const string EnrolmentPendingClaimType = "powregistry:two-factor-enrolment-pending";

    public const string Issuer = "PowRegistry";

    /// <summary>The user's 2FA state. A user without 2FA gets a shared key (created once, kept until enabled) to enrol with.</summary>
    public async Task<TwoFactorStatus?> GetStatusAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return null;
        var required = await IsRequiredForAsync(user);
        if (user.TwoFactorEnabled) return new TwoFactorStatus(true, required, null, null);

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Renews the security stamp too: the page refreshes the user's own sign-in afterwards.
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        return new TwoFactorStatus(false, required, key, AuthenticatorUri(user.Email ?? user.Id, key!));
    }

    /// <summary>Turns 2FA on once the user proves their app produces the right code.</summary>
    public async Task<ServiceResult<bool>> EnableAsync(string userId, string? code)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return ServiceResult<bool>.NotFound();
        if (user.TwoFactorEnabled) return ServiceResult<bool>.Success(true);

        var cleaned = CleanCode(code);
        if (cleaned is null || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned))
        {
            return ServiceResult<bool>.Failure("Code", "Account.TwoFactor.WrongCode");
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        logger.LogInformation("User {UserId} turned on two-factor sign-in", user.Id);
        return ServiceResult<bool>.Success(true);
    }

    /// <summary>Turns 2FA off and forgets the key (turning it on again needs a new one). Refused while the user's role requires it.</summary>
    public async Task<ServiceResult<bool>> DisableAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return ServiceResult<bool>.NotFound();
        if (await IsRequiredForAsync(user))
        {
            return ServiceResult<bool>.Failure("", "Account.TwoFactor.RequiredByRole");
        }
        await TurnOffAsync(user);
        logger.LogInformation("User {UserId} turned off two-factor sign-in", user.Id);
        return ServiceResult<bool>.Success(true);
    }

    /// <summary>
    /// For a user who lost their device: turns 2FA off and forgets the key. The new security stamp ends the
    /// user's open sessions; if their role requires 2FA they must enrol again at the next login.
    /// </summary>
    public async Task<ServiceResult<bool>> ResetForUserAsync(string userId, Actor actor)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return ServiceResult<bool>.NotFound();
        await TurnOffAsync(user);
        logger.LogInformation("Two-factor sign-in of user {TargetUserId} reset by {UserId}", user.Id, actor.UserId);
        return ServiceResult<bool>.Success(true);
    }

    public async Task<IReadOnlyList<RoleTwoFactorRow>> ListRoleRequirementsAsync()
    {
        var rows = new List<RoleTwoFactorRow>();
        foreach (var role in Roles.All)
        {
            var identityRole = await roles.FindByNameAsync(role);
            var required = identityRole is not null && (await roles.GetClaimsAsync(identityRole)).Any(IsRequirement);
            rows.Add(new RoleTwoFactorRow(role, required));
        }
        return rows;
    }

    public async Task<IReadOnlyList<UserTwoFactorRow>> ListUsersAsync(CancellationToken ct) =>
        await users.Users.OrderBy(u => u.Email)
            .Select(u => new UserTwoFactorRow(u.Id, u.Email ?? "", u.DisplayName, u.TwoFactorEnabled))
            .ToListAsync(ct);

    /// <summary>
    /// Requires (or stops requiring) 2FA for a role. Members' open sessions pick it up at the next security-stamp
    /// check (within a minute), when their principal is rebuilt; their next request then goes to enrolment.
    /// </summary>
    public async Task<ServiceResult<bool>> SetRequiredForRoleAsync(string? role, bool required, Actor actor)
    {
        if (role is null || !Roles.All.Contains(role)) return ServiceResult<bool>.Failure("", "Account.Role.Unknown");
        var identityRole = await roles.FindByNameAsync(role);
        if (identityRole is null) return ServiceResult<bool>.NotFound();

        var existing = (await roles.GetClaimsAsync(identityRole)).Where(IsRequirement).ToList();
        if (required && existing.Count == 0) await roles.AddClaimAsync(identityRole, new Claim(RequiredClaimType, "true"));
        if (!required)
        {
            foreach (var claim in existing) await roles.RemoveClaimAsync(identityRole, claim);
        }
        logger.LogInformation("Two-factor sign-in {Change} for role {Role} by {UserId}", required ? "required" : "no longer required", role, actor.UserId);
        return ServiceResult<bool>.Success(true);
    }

    public async Task<bool> IsRequiredForAsync(AppUser user)
    {
        foreach (var roleName in await users.GetRolesAsync(user))
        {
            var role = await roles.FindByNameAsync(roleName);
            if (role is not null && (await roles.GetClaimsAsync(role)).Any(IsRequirement)) return true;
        }
        return false;
    }

    /// <summary>The URI an authenticator app reads from the QR code (Google Authenticator's key URI format).</summary>
    public static string AuthenticatorUri(string account, string sharedKey) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={sharedKey}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";

    /// <summary>Codes are typed with spaces or hyphens ("123 456"); anything but six digits is not a code.</summary>
    public static string? CleanCode(string? code)
    {
        var digits = code?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return digits is { Length: 6 } && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    private static bool IsRequirement(Claim claim) => claim.Type == RequiredClaimType && claim.Value == "true";

    private async Task TurnOffAsync(AppUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
    }
}
