using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Live;

/// <summary>Maps <see cref="LiveEvent"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class LiveEventConfiguration : IEntityTypeConfiguration<LiveEvent>
{
    public void Configure(EntityTypeBuilder<LiveEvent> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(l => l.Kind).HasMaxLength(40);
        builder.Property(l => l.Visibility).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(l => new { l.WorkspaceId, l.Id });
    }
}
