using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// The health endpoints, open without login and holding no data:
/// <c>/health/live</c> says the process answers (no database: a load balancer must not restart every instance
/// because the shared database is slow); <c>/health/ready</c> and <c>/health</c> (older name, kept) also check
/// that the database answers, so a proxy sends no traffic to an instance that cannot serve it.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The tag of the checks that readiness runs.</summary>
    public const string Ready = "ready";

    /// <summary>A real read (a few rows), not only an open connection: SQLite "connects" to a file it cannot read.</summary>
    public static async Task<bool> DatabaseAnswersAsync(Core.Data.PowRegistryDbContext db, CancellationToken ct)
    {
        await db.Desks.AsNoTracking().CountAsync(ct);
        return true;
    }

    public static void MapHealthEndpoints(this WebApplication app)
    {
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) };
        app.MapHealthChecks("/health", ready).AllowAnonymous();
        app.MapHealthChecks("/health/ready", ready).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
    }
}
