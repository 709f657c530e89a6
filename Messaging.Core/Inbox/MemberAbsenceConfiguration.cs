using Messaging.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Inbox;

/// <summary>Maps <see cref="MemberAbsence"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class MemberAbsenceConfiguration : IEntityTypeConfiguration<MemberAbsence>
{
    public void Configure(EntityTypeBuilder<MemberAbsence> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(a => a.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Member).WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Cover).WithMany().HasForeignKey(a => a.CoverMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.MemberId, a.EndsOn });
    }
}
