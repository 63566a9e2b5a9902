using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Data;
using PowRegistry.Core.Instances;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// Server-side sessions in the database, so every app instance knows them (ADR-022): the sign-in cookie carries only a
/// random session key, and the ticket (who the user is) stays in the Sessions table. Logging out deletes the row, so a
/// copy of the cookie taken before is worthless afterwards, on every instance (OWASP ASVS 3.3.1). Tickets are
/// encrypted with Data Protection (its keys are shared through the database too), so the table holds no readable claims.
/// The cookie handler renews a session (one UPDATE) only when a renewal is due: after half the idle timeout, or when
/// the security stamp is checked (once a minute, <see cref="SignInSetup"/>), never on every request.
/// </summary>
public sealed class DatabaseTicketStore(IDbContextFactory<PowRegistryDbContext> contexts, IDataProtectionProvider dataProtection, TimeProvider clock, SignInSettings settings) : ITicketStore
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("PowRegistry.Web.DatabaseTicketStore");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Sessions that ran out are deleted at each login: the table holds the live ones (an indexed delete).
        var now = clock.GetUtcNow();
        await db.Sessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        db.Sessions.Add(new ServerSession { Id = key, Ticket = Protect(ticket), ExpiresAt = ExpiryOf(ticket) });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var protectedTicket = Protect(ticket);
        var expires = ExpiryOf(ticket);
        // Only a session that still exists: a renewal racing a logout on another instance must not bring it back.
        await db.Sessions.Where(s => s.Id == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, protectedTicket).SetProperty(x => x.ExpiresAt, expires), cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await LiveTicket(db, key, clock.GetUtcNow(), cancellationToken);
        if (stored is null) return null;
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(stored));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // written with a key no longer in the key ring: the user logs in again
        }
    }

    // Compiled once: it runs on every signed-in request, and EF's per-call work (parameter extraction, cache lookup) was
    // a quarter of it (docs/performance.md).
    private static readonly Func<PowRegistryDbContext, string, DateTimeOffset, CancellationToken, Task<byte[]?>> LiveTicket = EF.CompileAsyncQuery(
        (PowRegistryDbContext db, string key, DateTimeOffset now, CancellationToken ct) =>
            db.Sessions.AsNoTracking().Where(s => s.Id == key && s.ExpiresAt > now).Select(s => s.Ticket).SingleOrDefault());

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Sessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    // The row lives as long as the ticket: the cookie handler slides ExpiresUtc and renews the row with it.
    private DateTimeOffset ExpiryOf(AuthenticationTicket ticket) => ticket.Properties.ExpiresUtc ?? clock.GetUtcNow() + settings.IdleTimeout;
}
