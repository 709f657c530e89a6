using Messaging.Core.Access;
using Messaging.Core.Messages;
using Messaging.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Inbox;

/// <summary>Maps <see cref="SavedReply"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class SavedReplyConfiguration : IEntityTypeConfiguration<SavedReply>
{
    public void Configure(EntityTypeBuilder<SavedReply> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(r => r.Title).HasMaxLength(SavedReply.MaxTitleLength);
        builder.Property(r => r.Body).HasMaxLength(Message.MaxBodyLength);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(r => r.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.OwnerMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
