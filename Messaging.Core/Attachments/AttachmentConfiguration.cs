using Messaging.Core.Messages;
using Messaging.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Attachments;

/// <summary>Maps <see cref="Attachment"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(a => a.FileName).HasMaxLength(Attachment.MaxFileNameLength);
        builder.Property(a => a.Extension).HasMaxLength(Attachment.MaxExtensionLength);
        builder.Property(a => a.ContentType).HasMaxLength(Attachment.MaxContentTypeLength);
        builder.Property(a => a.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.StorageKey).HasMaxLength(Attachment.MaxStorageKeyLength);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(a => a.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Conversation).WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Message).WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Uploader).WithMany().HasForeignKey(a => a.UploaderMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ConversationId, a.Id });
        builder.HasIndex(a => a.StorageKey).IsUnique();
    }
}
