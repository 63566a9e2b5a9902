using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Api;

namespace PowRegistry.Core.Data.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.Property(t => t.UserId).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(ApiToken.NameMaxLength);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.Hint).HasMaxLength(16);
        builder.Property(t => t.CreatedBy).HasMaxLength(64);
        builder.Property(t => t.RevokedBy).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
