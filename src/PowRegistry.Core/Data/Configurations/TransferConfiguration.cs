using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using PowRegistry.Core.Exchange;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Data.Configurations;

internal sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> builder)
    {
        builder.Property(t => t.RequestedBy).HasMaxLength(450);
        builder.Property(t => t.ApprovedBy).HasMaxLength(450);
        builder.Property(t => t.Recipient).HasMaxLength(Limits.ShortText);
        builder.Property(t => t.Fields).HasMaxLength(2000);
        builder.Property(t => t.Filter).HasMaxLength(Limits.LongText);
        builder.HasIndex(t => t.RequestedAt);
        builder.HasIndex(t => new { t.Status, t.Id });
        builder.HasOne<Consultations.Counterpart>().WithMany().HasForeignKey(t => t.CounterpartId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(t => t.FieldList);
        builder.Ignore(t => t.PrisonerIdList);
        builder.Ignore(t => t.MayDownload);
    }
}
