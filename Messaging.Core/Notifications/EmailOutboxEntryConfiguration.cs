using Messaging.Core.Conversations;
using Messaging.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Notifications;

/// <summary>Maps <see cref="EmailOutboxEntry"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class EmailOutboxEntryConfiguration : IEntityTypeConfiguration<EmailOutboxEntry>
{
    public void Configure(EntityTypeBuilder<EmailOutboxEntry> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.LastError).HasMaxLength(EmailOutboxEntry.MaxErrorLength);
        builder.Property(o => o.Subject).HasMaxLength(EmailOutboxEntry.MaxSubjectLength);
        builder.Property(o => o.DedupeKey).HasMaxLength(EmailOutboxEntry.MaxDedupeKeyLength);
        builder.Property(o => o.MessageId).HasMaxLength(EmailOutboxEntry.MaxMessageIdLength);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(o => o.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Recipient).WithMany().HasForeignKey(o => o.RecipientMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(o => o.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.Status, o.DueAt });
        builder.HasIndex(o => new { o.RecipientMemberId, o.SentAt });
        builder.HasIndex(o => o.DedupeKey).IsUnique();
        builder.HasIndex(o => o.MessageId);
        builder.HasIndex(o => new { o.RecipientMemberId, o.ConversationId }).IsUnique().HasFilter("status = 'Pending' AND kind = 'Messages'");
    }
}
