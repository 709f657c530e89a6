using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Attachments;

/// <summary>Maps <see cref="AttachmentPreview"/> to <c>attachment_previews</c> (migration 0028), removed with its attachment.</summary>
public sealed class AttachmentPreviewConfiguration : IEntityTypeConfiguration<AttachmentPreview>
{
    public void Configure(EntityTypeBuilder<AttachmentPreview> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("attachment_previews");
        builder.HasKey(p => p.AttachmentId);
        builder.Property(p => p.AttachmentId).ValueGeneratedNever();
        builder.Property(p => p.Status).HasMaxLength(AttachmentPreview.MaxStatusLength);
        builder.HasOne<Attachment>().WithMany().HasForeignKey(p => p.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
