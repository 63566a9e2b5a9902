using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Data.Configurations;

internal sealed class RegisterTallyConfiguration : IEntityTypeConfiguration<RegisterTally>
{
    public void Configure(EntityTypeBuilder<RegisterTally> builder)
    {
        builder.HasKey(t => new { t.DeskId, t.Dimension, t.Value });
        builder.HasOne<Desk>().WithMany().HasForeignKey(t => t.DeskId).OnDelete(DeleteBehavior.Cascade);
    }
}
