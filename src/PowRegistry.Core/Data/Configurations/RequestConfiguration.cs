using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Requests;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Data.Configurations;

internal sealed class TransferRequestConfiguration : IEntityTypeConfiguration<TransferRequest>
{
    public void Configure(EntityTypeBuilder<TransferRequest> builder)
    {
        builder.Property(r => r.DestinationStateCode).HasMaxLength(2);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.PrisonerId, r.Id });
        builder.HasIndex(r => new { r.Status, r.Id });
        builder.HasOne<Prisoner>().WithMany().HasForeignKey(r => r.PrisonerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WishDeclaration>().WithMany().HasForeignKey(r => r.WishId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Changes).WithOne().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Changes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Reviews).WithOne().HasForeignKey(v => v.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Reviews).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(r => r.HandoverPlace).HasMaxLength(Limits.ShortText);
        builder.Property(r => r.WitnessName).HasMaxLength(Limits.Name);
        builder.HasOne<WishDeclaration>().WithMany().HasForeignKey(r => r.LiftWishId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WishDeclaration>().WithMany().HasForeignKey(r => r.HandoverWishId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RequestReviewConfiguration : IEntityTypeConfiguration<RequestReview>
{
    public void Configure(EntityTypeBuilder<RequestReview> builder)
    {
        builder.Property(v => v.Reason).HasMaxLength(Limits.LongText);
        builder.HasOne<WishDeclaration>().WithMany().HasForeignKey(v => v.WishId).OnDelete(DeleteBehavior.Restrict);
    }
}
