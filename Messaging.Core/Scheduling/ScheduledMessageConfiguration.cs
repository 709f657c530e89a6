using Messaging.Core.Access;
using Messaging.Core.Conversations;
using Messaging.Core.Messages;
using Messaging.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Scheduling;

/// <summary>Maps <see cref="ScheduledMessage"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class ScheduledMessageConfiguration : IEntityTypeConfiguration<ScheduledMessage>
{
    public void Configure(EntityTypeBuilder<ScheduledMessage> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(s => s.Body).HasMaxLength(Message.MaxBodyLength);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Failure).HasMaxLength(ScheduledMessage.MaxFailureLength);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(s => s.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(s => s.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.AuthorMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Message>().WithMany().HasForeignKey(s => s.SentMessageId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => new { s.Status, s.SendAt });
        builder.HasIndex(s => new { s.AuthorMemberId, s.IdempotencyKey }).IsUnique();
    }
}
