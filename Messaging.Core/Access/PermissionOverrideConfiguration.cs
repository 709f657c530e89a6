using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Access;

/// <summary>Maps <see cref="PermissionOverride"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class PermissionOverrideConfiguration : IEntityTypeConfiguration<PermissionOverride>
{
    public void Configure(EntityTypeBuilder<PermissionOverride> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(p => new { p.MemberId, p.Permission });
        builder.Property(p => p.Permission).HasMaxLength(60);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
