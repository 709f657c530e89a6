using Messaging.Core.Access;
using Messaging.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Export;

/// <summary>The export tables' mapping (migration 0010), kept beside the feature so the shared model file stays small.</summary>
internal static class ExportModelConfiguration
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ExportRecord>(e =>
        {
            // No foreign keys: like the audit log, the record of an issued file outlives what it names.
            e.ToTable("export_records");
            e.Property(r => r.Format).HasConversion<string>().HasMaxLength(10);
            e.Property(r => r.FileSha256).HasMaxLength(64);
            e.Property(r => r.ContentSha256).HasMaxLength(64);
            e.Property(r => r.FileName).HasMaxLength(255);
            e.HasIndex(r => r.FileSha256);
        });

        modelBuilder.Entity<ExportJob>(e =>
        {
            e.ToTable("export_jobs");
            e.Property(j => j.Format).HasConversion<string>().HasMaxLength(10);
            e.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(j => j.FileName).HasMaxLength(255);
            e.Property(j => j.FileSha256).HasMaxLength(64);
            e.Property(j => j.Error).HasMaxLength(ExportJob.MaxErrorLength);
            e.HasOne<Workspace>().WithMany().HasForeignKey(j => j.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Member>().WithMany().HasForeignKey(j => j.MemberId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(j => new { j.MemberId, j.Id });
            e.HasIndex(j => j.Status);
        });
    }
}
