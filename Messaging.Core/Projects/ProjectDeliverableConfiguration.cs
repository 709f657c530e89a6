using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Projects;

/// <summary>Maps <see cref="ProjectDeliverable"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class ProjectDeliverableConfiguration : IEntityTypeConfiguration<ProjectDeliverable>
{
    public void Configure(EntityTypeBuilder<ProjectDeliverable> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(d => d.Title).HasMaxLength(ProjectPanelRules.MaxTitleLength);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Project>().WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Owner).WithMany().HasForeignKey(d => d.OwnerMemberId).OnDelete(DeleteBehavior.SetNull);
    }
}
