using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Conversations;

/// <summary>Maps <see cref="Participant"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("conversation_participants");
        builder.HasKey(p => new { p.ConversationId, p.MemberId });
        builder.HasOne<Conversation>().WithMany(c => c.Participants).HasForeignKey(p => p.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Member).WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
