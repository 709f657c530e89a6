using Messaging.Core.Access;
using Messaging.Core.Attachments;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Messages;

/// <summary>Messages after a given id in a conversation the member may see: what a live thread appends. Null when the conversation is not visible.</summary>
public sealed class ListNewerMessages(MessagingDbContext db, TimeProvider clock)
{
    private const int Limit = 200;

    public async Task<IReadOnlyList<MessageView>?> HandleAsync(CurrentMember me, long conversationId, long afterMessageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var visible = await db.Conversations.AsNoTracking().VisibleTo(me).AnyAsync(c => c.Id == conversationId, ct);
        if (!visible)
        {
            return null;
        }

        var rows = await db.Messages.AsNoTracking().Readable(conversationId, me)
            .Where(m => m.Id > afterMessageId)
            .OrderBy(m => m.Id)
            .Take(Limit)
            .ToRows()
            .ToListAsync(ct);
        return await rows.ToViews(me).WithAttachmentsAsync(db, me, ct).WithChoicesAsync(db, me, clock.GetUtcNow(), ct);
    }
}
