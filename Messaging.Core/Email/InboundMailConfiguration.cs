using Messaging.Core.Conversations;
using Messaging.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Email;

/// <summary>Maps <see cref="InboundMail"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class InboundMailConfiguration : IEntityTypeConfiguration<InboundMail>
{
    public void Configure(EntityTypeBuilder<InboundMail> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("inbound_mails");
        builder.Property(m => m.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.MessageId).HasMaxLength(InboundMail.MaxMessageIdLength);
        builder.Property(m => m.FromAddress).HasMaxLength(InboundMail.MaxAddressLength);
        builder.Property(m => m.Subject).HasMaxLength(InboundMail.MaxSubjectLength);
        builder.Property(m => m.Reason).HasMaxLength(InboundMail.MaxReasonLength);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.WorkspaceId, m.UidValidity, m.Uid }).IsUnique();
        builder.HasIndex(m => new { m.WorkspaceId, m.MessageId }).IsUnique();
        builder.HasIndex(m => new { m.WorkspaceId, m.Status });
        builder.HasIndex(m => m.ConversationId);
    }
}
