using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

using PowRegistry.Core.Data.Sqlite;

namespace PowRegistry.Core.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web application.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PowRegistryDbContext>
{
    public PowRegistryDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PowRegistryDbContext>();
        SqliteSetup.Configure(options, "Data Source=design-time.db");
        var system = new Common.CurrentUser();
        system.ActAsSystem();
        return new PowRegistryDbContext(options.Options).For(system, Audit.AuditKey.Random(), TimeProvider.System);
    }
}
