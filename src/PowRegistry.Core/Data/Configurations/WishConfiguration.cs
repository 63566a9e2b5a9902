using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Data.Configurations;

internal sealed class WishDeclarationConfiguration : IEntityTypeConfiguration<WishDeclaration>
{
    public void Configure(EntityTypeBuilder<WishDeclaration> builder)
    {
        builder.HasIndex(w => new { w.PrisonerId, w.TakenOn });
        builder.HasOne<Prisoner>().WithMany().HasForeignKey(w => w.PrisonerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(w => w.Interviewer).HasMaxLength(Limits.Name);
        builder.Property(w => w.DestinationStateCode).HasMaxLength(2);
    }
}
