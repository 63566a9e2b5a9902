using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Data;

public sealed class PowRegistryDbContext(DbContextOptions<PowRegistryDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Prisoner> Prisoners => Set<Prisoner>();
    public DbSet<PrisonerAlias> PrisonerAliases => Set<PrisonerAlias>();
    public DbSet<IdentityDocument> IdentityDocuments => Set<IdentityDocument>();
    public DbSet<CustodyEvent> CustodyEvents => Set<CustodyEvent>();
    public DbSet<PrisonerSearchTerm> PrisonerSearchTerms => Set<PrisonerSearchTerm>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PowRegistryDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset columns: store them as Unix milliseconds (INTEGER), which it can.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUnixMillisecondsConverter>();
    }
}

internal sealed class DateTimeOffsetToUnixMillisecondsConverter()
    : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
        v => v.ToUnixTimeMilliseconds(),
        v => DateTimeOffset.FromUnixTimeMilliseconds(v));
