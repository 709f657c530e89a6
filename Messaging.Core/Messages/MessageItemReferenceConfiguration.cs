using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Messages;

/// <summary>Maps <see cref="MessageItemReference"/> (the schema itself comes from migration 0034).</summary>
public sealed class MessageItemReferenceConfiguration : IEntityTypeConfiguration<MessageItemReference>
{
    public void Configure(EntityTypeBuilder<MessageItemReference> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(x => new { x.MessageId, x.Token });
        builder.Property(x => x.Token).HasMaxLength(24);
        builder.HasOne<Message>().WithMany(m => m.ItemReferences).HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Deliverable).WithMany().HasForeignKey(x => x.DeliverableId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Milestone).WithMany().HasForeignKey(x => x.MilestoneId).OnDelete(DeleteBehavior.Cascade);
    }
}
