using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Messages;

/// <summary>One message as the thread shows it (what a live edit or delete refetches: its files and choices too), with its conversation; null when the member may not read it.</summary>
public sealed class GetMessage(MessagingDbContext db, TimeProvider clock)
{
    public async Task<(MessageView View, long ConversationId)?> HandleAsync(CurrentMember me, long messageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var conversationId = await db.Messages.AsNoTracking()
            .Where(m => m.Id == messageId && m.WorkspaceId == me.WorkspaceId)
            .Select(m => (long?)m.ConversationId)
            .SingleOrDefaultAsync(ct);
        if (conversationId is not { } id || !await db.Conversations.AsNoTracking().VisibleTo(me).AnyAsync(c => c.Id == id, ct))
        {
            return null;
        }

        var rows = await db.Messages.AsNoTracking().Readable(id, me).Where(m => m.Id == messageId).ToRows().ToListAsync(ct);
        if (rows.Count == 0)
        {
            return null;
        }

        var views = await rows.ToViews(me).WithAttachmentsAsync(db, me, ct).WithChoicesAsync(db, me, clock.GetUtcNow(), ct);
        return (views[0], id);
    }
}
