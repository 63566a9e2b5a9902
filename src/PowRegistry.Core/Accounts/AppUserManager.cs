using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using PowRegistry.Core.Data;

namespace PowRegistry.Core.Accounts;

/// <summary>
/// Identity's user manager, with one change: a failed login is always counted. Identity adds one to the count it read
/// and saves under the account's concurrency stamp; when two failures for one account arrive together (on one
/// instance or on two), the second save finds the stamp changed and Identity drops that failure. Here it is read
/// again and counted again, so five failures lock the account however they are spread (ADR-022).
/// </summary>
public sealed class AppUserManager(
    IUserStore<AppUser> store, IOptions<IdentityOptions> optionsAccessor, IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger,
    PowRegistryDbContext db)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    /// <summary>More tries than failures that can meet at once on one account before the lockout stops them.</summary>
    private const int Tries = 10;

    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        var result = await base.AccessFailedAsync(user);
        for (var i = 1; i < Tries && IsConcurrencyFailure(result); i++)
        {
            await db.Entry(user).ReloadAsync(); // the count (and lockout) another failure has just saved
            if (await IsLockedOutAsync(user)) return IdentityResult.Success;
            result = await base.AccessFailedAsync(user);
        }
        return result;
    }

    private bool IsConcurrencyFailure(IdentityResult result) =>
        !result.Succeeded && result.Errors.Any(e => e.Code == ErrorDescriber.ConcurrencyFailure().Code);
}
