using Messaging.Core.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Safety;

/// <summary>Maps <see cref="MemberBlock"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class MemberBlockConfiguration : IEntityTypeConfiguration<MemberBlock>
{
    public void Configure(EntityTypeBuilder<MemberBlock> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(b => new { b.BlockerMemberId, b.BlockedMemberId });
        builder.HasOne<Member>().WithMany().HasForeignKey(b => b.BlockerMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(b => b.Blocked).WithMany().HasForeignKey(b => b.BlockedMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
