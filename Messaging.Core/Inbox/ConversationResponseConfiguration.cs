using Messaging.Core.Access;
using Messaging.Core.Conversations;
using Messaging.Core.Messages;
using Messaging.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Inbox;

/// <summary>Maps <see cref="ConversationResponse"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class ConversationResponseConfiguration : IEntityTypeConfiguration<ConversationResponse>
{
    public void Configure(EntityTypeBuilder<ConversationResponse> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(r => r.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(r => r.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Message>().WithMany().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.ResponderMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.WorkspaceId, r.RespondedAt });
    }
}
