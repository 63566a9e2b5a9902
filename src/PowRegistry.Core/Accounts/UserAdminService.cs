using FluentValidation;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;

namespace PowRegistry.Core.Accounts;

/// <summary>Administrators manage accounts: create, change role, disable and re-enable.</summary>
public sealed class UserAdminService(
    UserManager<AppUser> users,
    Data.PowRegistryDbContext db,
    IValidator<NewUserInput> validator,
    ILogger<UserAdminService> logger)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken ct)
    {
        var all = await users.Users.OrderBy(u => u.Email).ToListAsync(ct);
        var desks = await db.DeskMembers.GroupBy(m => m.UserId).Select(g => new { UserId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.UserId, g => g.Count, ct);
        var rows = new List<UserRow>(all.Count);
        foreach (var user in all)
        {
            var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
            rows.Add(new UserRow(user.Id, user.Email ?? "", user.DisplayName, role, user.IsDisabled, desks.GetValueOrDefault(user.Id)));
        }
        return rows;
    }

    public async Task<UserRow?> GetAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return null;
        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        return new UserRow(user.Id, user.Email ?? "", user.DisplayName, role, user.IsDisabled, await db.DeskMembers.CountAsync(m => m.UserId == id));
    }

    /// <summary>Who to ask for a desk or a counterpart: the display names of the administrators whose accounts are enabled.</summary>
    public async Task<IReadOnlyList<string>> AdministratorNamesAsync() =>
        (await users.GetUsersInRoleAsync(Roles.Administrator)).Where(u => !u.IsDisabled).Select(u => u.DisplayName).Order(StringComparer.Ordinal).ToList();

    public async Task<ServiceResult<AppUser>> CreateAsync(NewUserInput input, Actor actor, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid) return ServiceResult<AppUser>.Failure(validation);

        var email = input.Email!.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return ServiceResult<AppUser>.Failure(nameof(NewUserInput.Email), "Account.Email.Taken");
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = Text.Clean(input.DisplayName)!, LockoutEnabled = true };
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded) return ServiceResult<AppUser>.Failure(ToErrors(created, nameof(NewUserInput.Password), users.Options, email, input.Role));
        var added = await users.AddToRoleAsync(user, input.Role!);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            return ServiceResult<AppUser>.Failure(ToErrors(added, nameof(NewUserInput.Role), users.Options, email, input.Role));
        }

        logger.LogInformation("User {NewUserId} created with role {Role} by {UserId}", user.Id, input.Role, actor.UserId);
        return ServiceResult<AppUser>.Success(user);
    }

    public async Task<ServiceResult<bool>> ChangeRoleAsync(string id, string? role, Actor actor)
    {
        if (role is null || !Roles.All.Contains(role)) return ServiceResult<bool>.Failure("Role", "Account.Role.Unknown");
        var user = await users.FindByIdAsync(id);
        if (user is null) return ServiceResult<bool>.NotFound();

        var current = await users.GetRolesAsync(user);
        if (current.Contains(role)) return ServiceResult<bool>.Success(true);
        if (current.Contains(Roles.Administrator) && await IsLastActiveAdministratorAsync(user))
        {
            return ServiceResult<bool>.Failure(Refusal.Conflict("Account.LastAdministrator").On("Role"));
        }

        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user); // open sessions pick up the new role at the next check
        logger.LogInformation("User {TargetUserId} given role {Role} by {UserId}", user.Id, role, actor.UserId);
        return ServiceResult<bool>.Success(true);
    }

    public async Task<ServiceResult<bool>> SetDisabledAsync(string id, bool disabled, Actor actor)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return ServiceResult<bool>.NotFound();
        if (disabled && user.Id == actor.UserId) return ServiceResult<bool>.Failure("", "Account.CannotDisableSelf");
        if (disabled && await IsLastActiveAdministratorAsync(user))
        {
            return ServiceResult<bool>.Failure(Refusal.Conflict("Account.LastAdministrator"));
        }

        user.IsDisabled = disabled;
        // Lockout blocks password sign-in; the new security stamp ends sessions already open.
        user.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        logger.LogInformation("User {TargetUserId} {Action} by {UserId}", user.Id, disabled ? "disabled" : "enabled", actor.UserId);
        return ServiceResult<bool>.Success(true);
    }

    private async Task<bool> IsLastActiveAdministratorAsync(AppUser user)
    {
        if (!await users.IsInRoleAsync(user, Roles.Administrator)) return false;
        var admins = await users.GetUsersInRoleAsync(Roles.Administrator);
        return admins.Count(a => !a.IsDisabled) <= 1 && !user.IsDisabled;
    }

    /// <summary>
    /// Identity's refusals as keys, by their code ("Identity.PasswordTooShort"), with the values Identity put into its
    /// own words (the length from the options, the email, the role): its error carries only its English description.
    /// A code we never expect keeps Identity's description, as the argument of "Identity.Other".
    /// </summary>
    internal static List<Refusal> ToErrors(IdentityResult result, string field, IdentityOptions options, string? email, string? role) =>
        result.Errors.Select(e => (e.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => Refusal.Invalid("Identity.PasswordTooShort", options.Password.RequiredLength),
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => Refusal.Invalid("Identity.PasswordRequiresUniqueChars", options.Password.RequiredUniqueChars),
            nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => Refusal.Invalid("Identity.PasswordRequiresNonAlphanumeric"),
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) => Refusal.Invalid("Identity.PasswordRequiresDigit"),
            nameof(IdentityErrorDescriber.PasswordRequiresLower) => Refusal.Invalid("Identity.PasswordRequiresLower"),
            nameof(IdentityErrorDescriber.PasswordRequiresUpper) => Refusal.Invalid("Identity.PasswordRequiresUpper"),
            CommonPasswordValidator.ErrorCode => Refusal.Invalid("Identity.PasswordTooCommon"),
            nameof(IdentityErrorDescriber.InvalidEmail) => Refusal.Invalid("Identity.InvalidEmail", email),
            nameof(IdentityErrorDescriber.DuplicateEmail) => Refusal.Invalid("Identity.DuplicateEmail", email),
            nameof(IdentityErrorDescriber.InvalidUserName) => Refusal.Invalid("Identity.InvalidUserName", email),
            nameof(IdentityErrorDescriber.DuplicateUserName) => Refusal.Invalid("Identity.DuplicateUserName", email),
            nameof(IdentityErrorDescriber.InvalidRoleName) => Refusal.Invalid("Identity.InvalidRoleName", role),
            nameof(IdentityErrorDescriber.UserAlreadyInRole) => Refusal.Invalid("Identity.UserAlreadyInRole", role),
            nameof(IdentityErrorDescriber.ConcurrencyFailure) => Refusal.Conflict("Identity.ConcurrencyFailure"),
            nameof(IdentityErrorDescriber.DefaultError) => Refusal.Invalid("Identity.DefaultError"),
            _ => Refusal.Invalid("Identity.Other", e.Description),
        }).On(field)).ToList();
}
