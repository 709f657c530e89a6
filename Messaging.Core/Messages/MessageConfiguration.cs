using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Messages;

/// <summary>Maps <see cref="Message"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(m => m.Body).HasMaxLength(Message.MaxBodyLength);
        builder.Property(m => m.Visibility).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Conversation>().WithMany(c => c.Messages).HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Author).WithMany().HasForeignKey(m => m.AuthorMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.ReplyTo).WithMany().HasForeignKey(m => m.ReplyToId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(m => m.Priority).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(m => m.SubjectMember).WithMany().HasForeignKey(m => m.SubjectMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ConversationId, m.Id });
        builder.HasIndex(m => new { m.AuthorMemberId, m.IdempotencyKey }).IsUnique();
        builder.Property(m => m.AttachmentNames).HasDefaultValue(string.Empty);
        builder.Property(m => m.SearchVector).HasComputedColumnSql(MessagingDbContext.SearchVectorSql, stored: true);
        builder.HasIndex(m => new { m.WorkspaceId, m.Id });
        builder.HasIndex(m => new { m.WorkspaceId, m.CreatedAt, m.Id });
        builder.HasIndex(m => new { m.ConversationId, m.CreatedAt, m.Id });
        builder.HasIndex(m => m.SearchVector).HasMethod("gin");
    }
}
