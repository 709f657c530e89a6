using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Messages;

/// <summary>Finds one message for a change (edit, delete): only if the member may read it, in a conversation they see, with the module on.</summary>
internal static class MessageLookup
{
    public static Task<Message?> FindReadableAsync(MessagingDbContext db, CurrentMember me, long messageId, CancellationToken ct)
    {
        var visible = db.Conversations.VisibleTo(me)
            .Where(c => db.Workspaces.Any(w => w.Id == c.WorkspaceId && w.MessagesEnabled))
            .Select(c => c.Id);
        return db.Messages
            .Include(m => m.Mentions)
            .Where(m => m.Id == messageId && visible.Contains(m.ConversationId))
            .Where(ConversationAccess.ReadableBy(me))
            .SingleOrDefaultAsync(ct);
    }
}
