using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Messages;

/// <summary>Maps <see cref="MessageEdit"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class MessageEditConfiguration : IEntityTypeConfiguration<MessageEdit>
{
    public void Configure(EntityTypeBuilder<MessageEdit> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(x => x.PreviousBody).HasMaxLength(Message.MaxBodyLength);
        builder.HasOne<Message>().WithMany(m => m.Edits).HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}
