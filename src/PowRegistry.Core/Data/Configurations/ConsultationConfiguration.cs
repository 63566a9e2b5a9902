using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using PowRegistry.Core.Consultations;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Data.Configurations;

internal sealed class CounterpartConfiguration : IEntityTypeConfiguration<Counterpart>
{
    public void Configure(EntityTypeBuilder<Counterpart> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Limits.ShortText);
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.CountryCode).HasMaxLength(2);
    }
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(Limits.ShortText);
        builder.HasIndex(c => new { c.Status, c.Id });
        builder.HasIndex(c => new { c.Date, c.Id });
        builder.HasIndex(c => new { c.DeskId, c.Id });
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Desks.Desk>().WithMany().HasForeignKey(c => c.DeskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Changes).WithOne().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.ActionItems).WithOne().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Changes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.ActionItems).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ConsultationDocumentConfiguration : IEntityTypeConfiguration<ConsultationDocument>
{
    public void Configure(EntityTypeBuilder<ConsultationDocument> builder)
    {
        builder.Property(d => d.FileName).HasMaxLength(200);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.HasOne<Consultation>().WithMany().HasForeignKey(d => d.ConsultationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.ConsultationId, d.Id });
    }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder) => builder.HasIndex(i => new { i.OwnerId, i.Done, i.DueOn });
}
