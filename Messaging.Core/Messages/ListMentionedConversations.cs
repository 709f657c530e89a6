using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Messages;

/// <summary>
/// The conversations where the member is mentioned in a message they have not read yet (past their read
/// pointer, not deleted, one they may read): what puts an "@" on their conversation rows.
/// </summary>
public sealed class ListMentionedConversations(MessagingDbContext db)
{
    public async Task<IReadOnlySet<long>> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var staff = me.IsStaff;
        var ids = await db.MessageMentions.AsNoTracking()
            .Where(x => x.MemberId == me.MemberId)
            .Where(x => db.Participants.Any(p => p.ConversationId == x.ConversationId && p.MemberId == me.MemberId && p.LastReadMessageId < x.MessageId))
            .Where(x => db.Messages.Any(m => m.Id == x.MessageId && m.DeletedAt == null && (staff || m.Visibility == MessageVisibility.Everyone)))
            .Select(x => x.ConversationId)
            .Distinct()
            .ToListAsync(ct);
        return ids.ToHashSet();
    }
}
