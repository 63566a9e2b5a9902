using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// Server-side sessions: the sign-in cookie carries only a random session key, and the ticket (who the user is)
/// stays here. Logging out removes the entry, so a copy of the cookie taken before is worthless afterwards
/// (OWASP ASVS 3.3.1). Backed by IDistributedCache: memory for one instance now, a shared cache for several later.
/// Tickets are encrypted with Data Protection, so a shared cache never holds readable claims.
/// </summary>
public sealed class DistributedCacheTicketStore(IDistributedCache cache, IDataProtectionProvider dataProtection, TimeProvider clock, SignInSettings settings) : ITicketStore
{
    private const string KeyPrefix = "PowRegistry.Session:";
    private readonly IDataProtector _protector = dataProtection.CreateProtector("PowRegistry.Web.DistributedCacheTicketStore");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket, cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        // The entry lives as long as the ticket: the cookie handler slides ExpiresUtc and renews the entry with it.
        var lifetime = (ticket.Properties.ExpiresUtc ?? clock.GetUtcNow() + settings.IdleTimeout) - clock.GetUtcNow();
        var options = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime > TimeSpan.FromSeconds(1) ? lifetime : TimeSpan.FromSeconds(1) };
        return cache.SetAsync(KeyPrefix + key, _protector.Protect(TicketSerializer.Default.Serialize(ticket)), options, cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        var stored = await cache.GetAsync(KeyPrefix + key, cancellationToken);
        if (stored is null) return null;
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(stored));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // written with a key this instance no longer has: the user logs in again
        }
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => cache.RemoveAsync(KeyPrefix + key, cancellationToken);
}
