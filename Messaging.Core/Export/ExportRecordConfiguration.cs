using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Export;

/// <summary>Maps <see cref="ExportRecord"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class ExportRecordConfiguration : IEntityTypeConfiguration<ExportRecord>
{
    public void Configure(EntityTypeBuilder<ExportRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // No foreign keys: like the audit log, the record of an issued file outlives what it names.
        builder.Property(r => r.Format).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.FileSha256).HasMaxLength(64);
        builder.Property(r => r.ContentSha256).HasMaxLength(64);
        builder.Property(r => r.FileName).HasMaxLength(255);
        builder.HasIndex(r => r.FileSha256);
    }
}
