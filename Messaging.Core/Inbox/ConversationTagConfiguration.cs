using Messaging.Core.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Inbox;

/// <summary>Maps <see cref="ConversationTag"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class ConversationTagConfiguration : IEntityTypeConfiguration<ConversationTag>
{
    public void Configure(EntityTypeBuilder<ConversationTag> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(t => new { t.ConversationId, t.TagId });
        builder.HasOne<Conversation>().WithMany(c => c.Tags).HasForeignKey(t => t.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Tag).WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}
