using Messaging.Core.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.ProjectThreads;

/// <summary>Maps <see cref="DeadlineReminder"/> (the schema itself comes from migration 0033).</summary>
public sealed class DeadlineReminderConfiguration : IEntityTypeConfiguration<DeadlineReminder>
{
    public void Configure(EntityTypeBuilder<DeadlineReminder> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(r => r.ItemKind).HasMaxLength(20);
        builder.Property(r => r.Kind).HasMaxLength(20);
        builder.HasIndex(r => new { r.ItemKind, r.ItemId, r.Kind, r.DueOn }).IsUnique().HasDatabaseName("ux_deadline_reminders_item_kind_due");
        builder.HasOne<Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
