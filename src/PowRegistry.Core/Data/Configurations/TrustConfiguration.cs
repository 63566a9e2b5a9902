using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Audit;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Data.Configurations;

internal sealed class DeskConfiguration : IEntityTypeConfiguration<Desk>
{
    public void Configure(EntityTypeBuilder<Desk> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(Desk.NameMaxLength);
        builder.HasIndex(d => d.Name).IsUnique();
        // Records registered before desks existed belong here; administrators rename it or move records.
        builder.HasData(new { Id = Desk.DefaultDeskId, Name = "Main desk" });
    }
}

internal sealed class DeskMemberConfiguration : IEntityTypeConfiguration<DeskMember>
{
    public void Configure(EntityTypeBuilder<DeskMember> builder)
    {
        builder.HasKey(m => new { m.DeskId, m.UserId });
        builder.HasIndex(m => m.UserId);
        builder.HasOne<Desk>().WithMany().HasForeignKey(m => m.DeskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public const string HistoryIndex = "IX_AuditEntries_History";
    public const string AccessExpiryIndex = "IX_AuditEntries_AccessNotExpired";

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        // Ids are the chain's sequence numbers, given by the application, never by the database.
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.UserId).HasMaxLength(64);
        builder.Property(e => e.Action).HasMaxLength(16);
        builder.Property(e => e.EntityType).HasMaxLength(64);
        builder.Property(e => e.EntityId).HasMaxLength(128);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.Property(e => e.ChangesDigest).HasMaxLength(64);
        builder.Property(e => e.Redaction).HasMaxLength(64);
        builder.HasIndex(e => new { e.PrisonerId, e.Id });
        // A record's history shows changes, not views: this index holds only those, so the record page reads its 50
        // rows however many times the record has been opened (one Access entry per view). Plain SQL, any provider.
        builder.HasIndex(e => new { e.PrisonerId, e.Id }, HistoryIndex).HasFilter($"\"{nameof(AuditEntry.Action)}\" <> '{AuditActions.Access}'");
        builder.HasIndex(e => new { e.UserId, e.Id });
        builder.HasIndex(e => new { e.At, e.Id });
        // Access entries whose viewer is still recorded: the daily retention run finds those past AccessLogYears here,
        // without walking the years of entries it has already expired (ADR-024).
        builder.HasIndex(e => new { e.At, e.Id }, AccessExpiryIndex)
            .HasFilter($"\"{nameof(AuditEntry.Action)}\" = '{AuditActions.Access}' AND \"{nameof(AuditEntry.Redaction)}\" IS NULL");
    }
}
