using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.ConversationState;

public sealed record ConversationPerson(long MemberId, string DisplayName);

/// <summary>The other participants of a conversation the member may see (for the online indicator); null when it is not visible.</summary>
public sealed class ListConversationPeople(MessagingDbContext db)
{
    public async Task<IReadOnlyList<ConversationPerson>?> HandleAsync(CurrentMember me, long conversationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!await db.Conversations.AsNoTracking().VisibleTo(me).AnyAsync(c => c.Id == conversationId, ct))
        {
            return null;
        }

        return await db.Participants.AsNoTracking()
            .Where(p => p.ConversationId == conversationId && p.MemberId != me.MemberId && p.Member!.IsActive)
            .OrderBy(p => p.JoinedAt).ThenBy(p => p.MemberId)
            .Select(p => new ConversationPerson(p.MemberId, p.Member!.DisplayName))
            .ToListAsync(ct);
    }
}
