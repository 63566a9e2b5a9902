using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using PowRegistry.Core.Notifications;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasOne<Prisoner>().WithMany(p => p.Notifications).HasForeignKey(n => n.PrisonerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(n => n.Event).WithMany().HasForeignKey(n => n.CustodyEventId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(n => n.SentReference).HasMaxLength(Limits.ShortText);
        builder.Ignore(n => n.IsOpen);
        // Marked sent once: of two officers marking it at the same time, the second save finds SentOn no longer null and fails.
        builder.Property(n => n.SentOn).IsConcurrencyToken();
        // The queue and the home page read open notifications by due date; the record reads its own.
        builder.HasIndex(n => new { n.SentOn, n.DueOn, n.Id });
        builder.HasIndex(n => new { n.PrisonerId, n.Kind });
    }
}
