using Messaging.Core.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Safety;

/// <summary>Maps <see cref="MemberPreference"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class MemberPreferenceConfiguration : IEntityTypeConfiguration<MemberPreference>
{
    public void Configure(EntityTypeBuilder<MemberPreference> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(p => p.MemberId);
        builder.Property(p => p.MemberId).ValueGeneratedNever();
        builder.Property(p => p.WhoMayStart).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<Member>().WithOne().HasForeignKey<MemberPreference>(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
