using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Projects;

/// <summary>Maps <see cref="ProjectMilestone"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class ProjectMilestoneConfiguration : IEntityTypeConfiguration<ProjectMilestone>
{
    public void Configure(EntityTypeBuilder<ProjectMilestone> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(m => m.Title).HasMaxLength(ProjectPanelRules.MaxTitleLength);
        builder.HasOne<Project>().WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
