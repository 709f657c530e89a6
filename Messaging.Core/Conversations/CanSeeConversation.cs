using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Conversations;

/// <summary>Whether the member may see a conversation: the check behind every conversation id in a URL.</summary>
public sealed class CanSeeConversation(MessagingDbContext db)
{
    public Task<bool> HandleAsync(CurrentMember me, long conversationId, CancellationToken ct) =>
        db.Conversations.AsNoTracking().VisibleTo(me).AnyAsync(c => c.Id == conversationId, ct);
}
