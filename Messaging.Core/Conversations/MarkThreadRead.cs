using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Conversations;

/// <summary>Moves the member's read pointer to the newest message they can read. It never moves backwards.</summary>
public sealed class MarkThreadRead(MessagingDbContext db)
{
    public async Task HandleAsync(CurrentMember me, long conversationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var newest = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId)
            .Where(ConversationAccess.ReadableBy(me))
            .MaxAsync(m => (long?)m.Id, ct);
        if (newest is null)
        {
            return;
        }

        await db.Participants
            .Where(p => p.ConversationId == conversationId && p.MemberId == me.MemberId && p.LastReadMessageId < newest)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastReadMessageId, newest.Value), ct);
    }
}
