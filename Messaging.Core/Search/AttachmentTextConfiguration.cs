using Messaging.Core.Attachments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Search;

/// <summary>Maps <see cref="AttachmentText"/> to <c>attachment_texts</c> (migration 0019; a trigger puts each change on the search feed).</summary>
public sealed class AttachmentTextConfiguration : IEntityTypeConfiguration<AttachmentText>
{
    public void Configure(EntityTypeBuilder<AttachmentText> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("attachment_texts");
        builder.HasKey(t => t.AttachmentId);
        builder.Property(t => t.AttachmentId).ValueGeneratedNever();
        builder.Property(t => t.Status).HasMaxLength(AttachmentText.MaxStatusLength);
        builder.HasIndex(t => t.MessageId);
        builder.HasOne<Attachment>().WithMany().HasForeignKey(t => t.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
