using Messaging.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Inbox;

/// <summary>Maps <see cref="WorkspaceTag"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class WorkspaceTagConfiguration : IEntityTypeConfiguration<WorkspaceTag>
{
    public void Configure(EntityTypeBuilder<WorkspaceTag> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(t => t.Name).HasMaxLength(WorkspaceTag.MaxNameLength);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(t => t.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.WorkspaceId, t.Name }).IsUnique();
    }
}
