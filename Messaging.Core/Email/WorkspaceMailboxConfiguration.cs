using Messaging.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Email;

/// <summary>Maps <see cref="WorkspaceMailbox"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class WorkspaceMailboxConfiguration : IEntityTypeConfiguration<WorkspaceMailbox>
{
    public void Configure(EntityTypeBuilder<WorkspaceMailbox> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("workspace_mailboxes");
        builder.HasKey(m => m.WorkspaceId);
        builder.Property(m => m.WorkspaceId).ValueGeneratedNever();
        builder.Property(m => m.Host).HasMaxLength(WorkspaceMailbox.MaxHostLength);
        builder.Property(m => m.UserName).HasMaxLength(WorkspaceMailbox.MaxUserLength);
        builder.Property(m => m.Folder).HasMaxLength(WorkspaceMailbox.MaxFolderLength);
        builder.Property(m => m.Security).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.LastError).HasMaxLength(WorkspaceMailbox.MaxErrorLength);
        builder.HasOne<Workspace>().WithOne().HasForeignKey<WorkspaceMailbox>(m => m.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
