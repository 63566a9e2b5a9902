using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using PowRegistry.Core.Instances;

namespace PowRegistry.Core.Data.Configurations;

internal sealed class ServerSessionConfiguration : IEntityTypeConfiguration<ServerSession>
{
    public void Configure(EntityTypeBuilder<ServerSession> builder)
    {
        builder.ToTable("Sessions");
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.HasIndex(s => s.ExpiresAt); // expired sessions are deleted at each login
    }
}

internal sealed class LoginAttemptConfiguration : IEntityTypeConfiguration<LoginAttempt>
{
    public void Configure(EntityTypeBuilder<LoginAttempt> builder)
    {
        builder.Property(a => a.Key).HasMaxLength(300);
        builder.HasIndex(a => new { a.Key, a.At });
        builder.HasIndex(a => a.At); // pruning
    }
}

internal sealed class ApiRequestCountConfiguration : IEntityTypeConfiguration<ApiRequestCount>
{
    public void Configure(EntityTypeBuilder<ApiRequestCount> builder)
    {
        builder.HasKey(c => new { c.Key, c.Minute }); // the upsert's conflict target
        builder.Property(c => c.Key).HasMaxLength(300);
        builder.HasIndex(c => c.Minute); // pruning
    }
}

internal sealed class LeaseConfiguration : IEntityTypeConfiguration<Lease>
{
    public void Configure(EntityTypeBuilder<Lease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(64);
        builder.Property(l => l.Holder).HasMaxLength(64);
    }
}

internal sealed class StoredSetupTokenConfiguration : IEntityTypeConfiguration<StoredSetupToken>
{
    public void Configure(EntityTypeBuilder<StoredSetupToken> builder)
    {
        builder.ToTable("SetupTokens");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Hash).HasMaxLength(64);
    }
}

internal sealed class CacheEntryConfiguration : IEntityTypeConfiguration<CacheEntry>
{
    public void Configure(EntityTypeBuilder<CacheEntry> builder)
    {
        builder.HasKey(e => e.Key);
        builder.Property(e => e.Key).HasMaxLength(300);
        builder.HasIndex(e => e.ExpiresAt);
    }
}
