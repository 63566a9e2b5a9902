using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;

namespace PowRegistry.Core.Accounts;

/// <summary>
/// Getting the first administrator in without reading code: either from configuration
/// (PowRegistry:BootstrapAdmin:Email / :Password, for unattended installs) or through /Setup with a
/// one-time token that start-up prints to the log. The token lives only in memory and dies once used.
/// </summary>
public sealed class FirstRun(UserManager<AppUser> users, RoleManager<IdentityRole> roles, SetupToken token, ILogger<FirstRun> logger)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }

    public async Task<bool> NeedsSetupAsync() => !await users.Users.AnyAsync();

    /// <summary>At start-up: create the configured administrator, or issue a setup token, when no user exists.</summary>
    public async Task StartAsync(string? bootstrapEmail, string? bootstrapPassword)
    {
        await EnsureRolesAsync();
        if (!await NeedsSetupAsync()) return;

        if (!string.IsNullOrWhiteSpace(bootstrapEmail) && !string.IsNullOrEmpty(bootstrapPassword))
        {
            var result = await CreateAdministratorAsync(bootstrapEmail.Trim(), "Administrator", bootstrapPassword);
            if (result.Succeeded)
            {
                logger.LogInformation("Bootstrap administrator {UserId} created from configuration", result.Value!.Id);
                return;
            }
            logger.LogError("Bootstrap administrator not created: {Reasons}", string.Join(" ", result.Errors.Select(e => e.Message)));
        }

        token.Issue();
        logger.LogWarning("No user exists yet. Open /Setup and enter this one-time setup token to create the first administrator: {SetupToken}", token.Value);
    }

    public async Task<ServiceResult<AppUser>> CompleteSetupAsync(SetupInput input)
    {
        // One setup at a time, so two simultaneous posts cannot both create an administrator.
        await token.Gate.WaitAsync();
        try
        {
            return await CompleteSetupOnceAsync(input);
        }
        finally
        {
            token.Gate.Release();
        }
    }

    private async Task<ServiceResult<AppUser>> CompleteSetupOnceAsync(SetupInput input)
    {
        if (!token.Matches(input.Token)) return ServiceResult<AppUser>.Failure(nameof(SetupInput.Token), "Setup.Token.Invalid");
        if (!await NeedsSetupAsync()) return ServiceResult<AppUser>.Failure(Refusal.Conflict("Setup.AlreadyDone"));
        var validation = await new NewUserInputValidator().ValidateAsync(new NewUserInput
        {
            Email = input.Email,
            DisplayName = input.DisplayName,
            Password = input.Password,
            Role = Roles.Administrator,
        });
        if (!validation.IsValid) return ServiceResult<AppUser>.Failure(validation);

        var result = await CreateAdministratorAsync(input.Email!.Trim(), Text.Clean(input.DisplayName)!, input.Password!);
        if (result.Succeeded)
        {
            token.Revoke();
            logger.LogInformation("First administrator {UserId} created through setup", result.Value!.Id);
        }
        return result;
    }

    private async Task<ServiceResult<AppUser>> CreateAdministratorAsync(string email, string displayName, string password)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return ServiceResult<AppUser>.Failure(UserAdminService.ToErrors(created, nameof(SetupInput.Password), users.Options, email, Roles.Administrator));
        await users.AddToRoleAsync(user, Roles.Administrator);
        return ServiceResult<AppUser>.Success(user);
    }
}
