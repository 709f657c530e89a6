using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Settings;

/// <summary>Maps <see cref="Workspace"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(w => w.Name).HasMaxLength(200);
        builder.Property(w => w.AllowedFileTypes).HasMaxLength(1000);
        builder.Property(w => w.TimeZone).HasMaxLength(64);
        builder.Property(w => w.SearchLanguage).HasMaxLength(20);

        // The staff inbox (migration 0012).
        builder.Property(w => w.OutOfOfficeText).HasMaxLength(Workspace.MaxOutOfOfficeLength);
    }
}
