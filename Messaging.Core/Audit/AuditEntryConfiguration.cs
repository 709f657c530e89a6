using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Audit;

/// <summary>Maps <see cref="AuditEntry"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // No foreign keys: an entry is history and must outlive (and never block) what it mentions.
        builder.Property(a => a.Action).HasMaxLength(AuditEntry.MaxActionLength);
        builder.Property(a => a.ActorLabel).HasMaxLength(AuditEntry.MaxLabelLength);
        builder.Property(a => a.ObjectType).HasMaxLength(AuditEntry.MaxObjectTypeLength);
        builder.Property(a => a.ObjectId).HasMaxLength(AuditEntry.MaxObjectIdLength);
        builder.Property(a => a.Detail).HasMaxLength(AuditEntry.MaxDetailLength);
        builder.Property(a => a.IpAddress).HasMaxLength(AuditEntry.MaxIpLength);
        builder.HasIndex(a => new { a.WorkspaceId, a.OccurredAt }).IsDescending(false, true);
    }
}
