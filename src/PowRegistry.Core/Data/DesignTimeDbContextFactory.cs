using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PowRegistry.Core.Data;

/// <summary>
/// Lets `dotnet ef migrations add` build the model without starting the web application. SQLite by default; with
/// `-- --provider PostgreSql` after the command, PostgreSQL's (see docs/operations.md, "Adding a migration").
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PowRegistryDbContext>
{
    public PowRegistryDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PowRegistryDbContext>();
        var provider = args is ["--provider", var name] ? Enum.Parse<DatabaseProvider>(name, ignoreCase: true) : DatabaseProvider.Sqlite;
        // Only the model is needed; nothing connects (PostgreSQL's connection string names no real server).
        DatabaseSetup.Configure(options, provider, provider == DatabaseProvider.PostgreSql ? "Host=localhost;Database=design_time" : "Data Source=design-time.db");
        var system = new Common.CurrentUser();
        system.ActAsSystem();
        return new PowRegistryDbContext(options.Options).For(system, Audit.AuditKey.Random(), TimeProvider.System);
    }
}
