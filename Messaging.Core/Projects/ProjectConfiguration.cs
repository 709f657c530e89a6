using Messaging.Core.Conversations;
using Messaging.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Projects;

/// <summary>Maps <see cref="Project"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Brief).HasMaxLength(ProjectPanelRules.MaxBriefLength);
        builder.Property(p => p.PaymentState).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(p => p.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(p => p.ThreadConversationId).OnDelete(DeleteBehavior.SetNull);
    }
}
