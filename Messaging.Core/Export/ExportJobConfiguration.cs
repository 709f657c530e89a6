using Messaging.Core.Access;
using Messaging.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Export;

/// <summary>Maps <see cref="ExportJob"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class ExportJobConfiguration : IEntityTypeConfiguration<ExportJob>
{
    public void Configure(EntityTypeBuilder<ExportJob> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(j => j.Format).HasConversion<string>().HasMaxLength(10);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.FileName).HasMaxLength(255);
        builder.Property(j => j.FileSha256).HasMaxLength(64);
        builder.Property(j => j.Error).HasMaxLength(ExportJob.MaxErrorLength);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(j => j.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(j => j.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(j => new { j.MemberId, j.Id });
        builder.HasIndex(j => j.Status);
    }
}
