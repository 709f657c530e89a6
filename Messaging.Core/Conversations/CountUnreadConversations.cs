using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Conversations;

/// <summary>How many conversations have messages the member has not read: the number on the navigation badge.</summary>
public sealed class CountUnreadConversations(MessagingDbContext db)
{
    public Task<int> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var staff = me.IsStaff;
        var memberId = me.MemberId;
        return db.Participants.AsNoTracking()
            .Where(p => p.MemberId == memberId && !p.IsArchived && p.HiddenAt == null)
            .Where(p => db.Conversations.VisibleTo(me).Any(c => c.Id == p.ConversationId))
            .CountAsync(p => db.Messages.Any(m =>
                m.ConversationId == p.ConversationId
                && m.Id > p.LastReadMessageId
                && m.AuthorMemberId != memberId
                && m.DeletedAt == null
                && (staff || m.Visibility == MessageVisibility.Everyone)), ct);
    }
}
