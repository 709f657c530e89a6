using Messaging.Core.Access;
using Messaging.Core.Messages;
using Messaging.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Safety;

/// <summary>Maps <see cref="MessageReport"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class MessageReportConfiguration : IEntityTypeConfiguration<MessageReport>
{
    public void Configure(EntityTypeBuilder<MessageReport> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(r => r.Reason).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Details).HasMaxLength(MessageReport.MaxDetailsLength);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(r => r.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Message>().WithMany().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.ReporterMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.ResolvedByMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.WorkspaceId, r.Status });
        builder.HasIndex(r => new { r.MessageId, r.ReporterMemberId }).IsUnique().HasFilter("status = 'Open'");
    }
}
