using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;

namespace PowRegistry.Core.Accounts;

/// <summary>
/// Getting the first administrator in without reading code: either from configuration
/// (PowRegistry:BootstrapAdmin:Email / :Password, for unattended installs) or through /Setup with a
/// one-time token that start-up prints to the log. The database keeps the token's hash until it is used.
/// Start-up runs this under the start-up lease, so instances starting together create one administrator (ADR-022).
/// </summary>
public sealed class FirstRun(UserManager<AppUser> users, RoleManager<IdentityRole> roles, SetupToken token, Instances.Leases leases, ILogger<FirstRun> logger)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }

    private const string SetupLease = "first-run-setup";

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

        if (await token.IssueAsync(CancellationToken.None))
        {
            logger.LogWarning("No user exists yet. Open /Setup and enter this one-time setup token to create the first administrator: {SetupToken}", token.Value);
        }
        else
        {
            logger.LogWarning("No user exists yet. Another instance issued the one-time setup token moments ago: it is in that instance's console");
        }
    }

    public async Task<ServiceResult<AppUser>> CompleteSetupAsync(SetupInput input)
    {
        // One setup at a time, so two simultaneous posts cannot both create an administrator: in this process (the
        // gate), and across instances (the lease).
        await token.Gate.WaitAsync();
        try
        {
            await using var lease = await leases.AcquireAsync(SetupLease, CancellationToken.None);
            return await CompleteSetupOnceAsync(input);
        }
        finally
        {
            token.Gate.Release();
        }
    }

    private async Task<ServiceResult<AppUser>> CompleteSetupOnceAsync(SetupInput input)
    {
        if (!await token.MatchesAsync(input.Token, CancellationToken.None)) return ServiceResult<AppUser>.Failure(nameof(SetupInput.Token), "Setup.Token.Invalid");
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
            await token.RevokeAsync(CancellationToken.None);
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
