using Messaging.Core.Access;
using Messaging.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Conversations;

/// <summary>Maps <see cref="Conversation"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(c => c.Subject).HasMaxLength(200);
        builder.Property(c => c.Category).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(c => c.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Project).WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.CreatedByMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.WorkspaceId, c.LastActivityAt });

        // The staff inbox (migration 0012).
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.AssignedMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.WorkspaceId, c.Status });
    }
}
