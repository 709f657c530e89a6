using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Live;

/// <summary>
/// Who learns that a read pointer moved (<see cref="LivePayload.ReadMoved"/>), so their open thread refreshes its
/// receipts (<c>read-{conversation}</c>, no data): those who may see the conversation. A pointer that moved onto an
/// internal note (staff wrote or read one) is staff business, so it reaches staff only: clients must not even learn
/// that something happened in the thread. Null when the conversation does not exist.
/// </summary>
public sealed class ReadMovedAudience(MessagingDbContext db)
{
    public async Task<LiveDelivery?> HandleAsync(LivePayload.ReadMoved read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        var workspace = await db.Conversations.AsNoTracking().Where(c => c.Id == read.ConversationId)
            .Select(c => (long?)c.WorkspaceId).SingleOrDefaultAsync(ct);
        if (workspace is not { } workspaceId)
        {
            return null;
        }

        var visibility = await db.Messages.AsNoTracking().Where(m => m.Id == read.MessageId)
            .Select(m => (MessageVisibility?)m.Visibility).SingleOrDefaultAsync(ct) ?? MessageVisibility.Everyone;
        var audience = await ConversationAccess.AudienceAsync(db, read.ConversationId, visibility, ct);
        var name = string.Create(CultureInfo.InvariantCulture, $"read-{read.ConversationId}");
        return new LiveDelivery(workspaceId, audience, LiveEventView.Ephemeral(name, read.ConversationId, "{}"));
    }
}
