using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Live;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

/// <summary>
/// Announces that a staff member is viewing or replying in a conversation they can see; false for anyone else
/// (the caller answers 404). The notice (<see cref="LivePayload.Working"/>) reaches the other staff who can see
/// the conversation, never clients (<see cref="WorkingAudience"/>), and is never stored or replayed: a page says
/// "Alex is viewing" for a short while after the last notice.
/// </summary>
public sealed class AnnounceWorking(MessagingDbContext db)
{
    public async Task<bool> HandleAsync(CurrentMember me, long conversationId, bool replying, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsStaff || !await db.Conversations.AsNoTracking().VisibleTo(me).AnyAsync(c => c.Id == conversationId, ct))
        {
            return false;
        }

        await LiveChannel.NotifyAsync(db, new LivePayload.Working(conversationId, me.MemberId, replying), ct);
        return true;
    }
}
