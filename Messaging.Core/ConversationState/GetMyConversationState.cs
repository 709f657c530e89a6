using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.ConversationState;

public sealed record MyConversationState(bool IsMuted, bool IsArchived);

/// <summary>The member's own state of a conversation they take part in (for the thread's actions menu); null for others.</summary>
public sealed class GetMyConversationState(MessagingDbContext db)
{
    public Task<MyConversationState?> HandleAsync(CurrentMember me, long conversationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var visible = db.Conversations.VisibleTo(me).Select(c => c.Id);
        return db.Participants.AsNoTracking()
            .Where(p => p.ConversationId == conversationId && p.MemberId == me.MemberId && visible.Contains(p.ConversationId))
            .Select(p => new MyConversationState(p.IsMuted, p.IsArchived))
            .SingleOrDefaultAsync(ct);
    }
}
