using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Data.Configurations;

internal sealed class PrisonerConfiguration : IEntityTypeConfiguration<Prisoner>
{
    public void Configure(EntityTypeBuilder<Prisoner> builder)
    {
        builder.Property(p => p.Reference).HasMaxLength(32);
        builder.Property(p => p.DeskId).HasDefaultValue(Desk.DefaultDeskId);
        builder.HasOne<Desk>().WithMany().HasForeignKey(p => p.DeskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.DeskId, p.Id });
        builder.HasIndex(p => p.Reference).IsUnique();

        builder.Property(p => p.FamilyName).HasMaxLength(Limits.Name);
        builder.Property(p => p.GivenNames).HasMaxLength(Limits.Name);
        builder.Property(p => p.ServiceNumber).HasMaxLength(64);
        builder.Property(p => p.DateOfBirth)
            .HasConversion(d => d == null ? null : d.ToString(), s => s == null ? null : PartialDate.Parse(s))
            .HasMaxLength(10);
        foreach (var item in new[] { nameof(Prisoner.FamilyNameInfo), nameof(Prisoner.GivenNamesInfo), nameof(Prisoner.RankInfo), nameof(Prisoner.ServiceNumberInfo), nameof(Prisoner.DateOfBirthInfo) })
        {
            builder.ComplexProperty<Art17Item>(item);
        }
        builder.Property(p => p.NationalityCode).HasMaxLength(2);
        builder.Property(p => p.PowerDependedOnCode).HasMaxLength(2);
        builder.Property(p => p.DetainingPowerCode).HasMaxLength(2);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.DisplayName);

        // One index per filter and per sort, each ending in Id so keyset paging (sort key, Id) is a range scan.
        builder.HasIndex(p => new { p.SortName, p.Id });
        builder.HasIndex(p => new { p.CaptureSortKey, p.Id });
        builder.HasIndex(p => new { p.CustodyStatus, p.Id });
        builder.HasIndex(p => new { p.NationalityCode, p.Id });
        builder.HasIndex(p => new { p.DetainingPowerCode, p.Id });
        // Name order within the busiest filters and within a desk (1M benchmark: 72–280 ms without, 0.07 ms with).
        builder.HasIndex(p => new { p.DeskId, p.SortName, p.Id });
        builder.HasIndex(p => new { p.CustodyStatus, p.SortName, p.Id });
        builder.HasIndex(p => new { p.NationalityCode, p.SortName, p.Id });
        // Date-of-capture order within the same filters and a desk: an ordered walk that stops after a page, not a sort of all.
        builder.HasIndex(p => new { p.DeskId, p.CaptureSortKey, p.Id });
        builder.HasIndex(p => new { p.CustodyStatus, p.CaptureSortKey, p.Id });
        builder.HasIndex(p => new { p.NationalityCode, p.CaptureSortKey, p.Id });
        // Only records with a wish: where few have one, the planner's statistics on a full index counted every record
        // without a wish as one value and made it scan the register for a wish filter (7 s at a million, issue 13).
        // A filter "= value" implies "IS NOT NULL", so these indexes serve it. New names: the old ones' statistics would outlive them.
        builder.HasIndex(p => new { p.CurrentWish, p.Id }, "IX_Prisoners_CurrentWish_Id_Stated").HasFilter("\"CurrentWish\" IS NOT NULL");
        builder.HasIndex(p => new { p.CurrentWishStateCode, p.Id }, "IX_Prisoners_CurrentWishStateCode_Id_Stated").HasFilter("\"CurrentWishStateCode\" IS NOT NULL");
        builder.HasIndex(p => new { p.CurrentWishVerification, p.Id }, "IX_Prisoners_CurrentWishVerification_Id_Stated").HasFilter("\"CurrentWishVerification\" IS NOT NULL");
        builder.Property(p => p.CurrentWishStateCode).HasMaxLength(2);
        builder.HasIndex(p => new { p.NationalityCode, p.ServiceNumber }).IsUnique();

        builder.HasMany(p => p.Aliases).WithOne().HasForeignKey(a => a.PrisonerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Documents).WithOne().HasForeignKey(d => d.PrisonerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.CustodyEvents).WithOne().HasForeignKey(e => e.PrisonerId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Aliases).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.CustodyEvents).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Notifications).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PrisonerMergeConfiguration : IEntityTypeConfiguration<PrisonerMerge>
{
    public void Configure(EntityTypeBuilder<PrisonerMerge> builder)
    {
        builder.Property(m => m.MergedReference).HasMaxLength(32);
        builder.Property(m => m.Reason).HasMaxLength(Limits.LongText);
        builder.HasIndex(m => m.SurvivorId);
        builder.HasOne<Prisoner>().WithMany().HasForeignKey(m => m.SurvivorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Prisoner>().WithMany().HasForeignKey(m => m.MergedId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PrisonerAliasConfiguration : IEntityTypeConfiguration<PrisonerAlias>
{
    public void Configure(EntityTypeBuilder<PrisonerAlias> builder) => builder.Property(a => a.Name).HasMaxLength(Limits.Name);
}

internal sealed class CustodyEventConfiguration : IEntityTypeConfiguration<CustodyEvent>
{
    public void Configure(EntityTypeBuilder<CustodyEvent> builder)
    {
        builder.HasIndex(e => new { e.PrisonerId, e.Date });
        // Records closed in a window of days (the review's "falling due for anonymisation", ADR-024), without reading every closed record.
        builder.HasIndex(e => new { e.Kind, e.Date });
    }
}

internal sealed class PrisonerSearchTermConfiguration : IEntityTypeConfiguration<PrisonerSearchTerm>
{
    public void Configure(EntityTypeBuilder<PrisonerSearchTerm> builder)
    {
        builder.HasKey(t => new { t.PrisonerId, t.Kind, t.Term });
        builder.Property(t => t.Term).HasMaxLength(PrisonerSearchTerm.MaxLength);
        // Covering index: a prefix search reads only this index.
        builder.HasIndex(t => new { t.Kind, t.Term, t.PrisonerId });
        builder.HasOne<Prisoner>().WithMany().HasForeignKey(t => t.PrisonerId).OnDelete(DeleteBehavior.Cascade);
    }
}
