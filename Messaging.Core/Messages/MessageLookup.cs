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

    /// <summary>
    /// Clients change their messages only where they may still reply: in a closed project the thread is
    /// read-only for them, edits and deletes included (<see cref="Projects.ProjectStageRules"/>).
    /// </summary>
    public static async Task<string?> ClientStageRefusalAsync(MessagingDbContext db, CurrentMember me, long conversationId, CancellationToken ct)
    {
        if (!me.IsClient)
        {
            return null;
        }

        var stage = await db.Conversations
            .Where(c => c.Id == conversationId && c.Project != null)
            .Select(c => (Projects.ProjectStage?)c.Project!.Stage)
            .SingleOrDefaultAsync(ct);
        return stage is { } s && !Projects.ProjectStageRules.ClientsCanReply(s) ? Projects.ProjectStageRules.ClientNotice(s) : null;
    }
}
