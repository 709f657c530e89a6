using Messaging.Core.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Projects;

/// <summary>Maps <see cref="ProjectMember"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class ProjectMemberConfiguration : IEntityTypeConfiguration<ProjectMember>
{
    public void Configure(EntityTypeBuilder<ProjectMember> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(pm => new { pm.ProjectId, pm.MemberId });
        builder.Property(pm => pm.Relation).HasConversion<string>().HasMaxLength(20);
        builder.Property(pm => pm.State).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(pm => pm.ThreadConversationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Project>().WithMany(p => p.Members).HasForeignKey(pm => pm.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(pm => pm.Member).WithMany().HasForeignKey(pm => pm.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
