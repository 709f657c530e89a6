using Messaging.Core.Access;
using Messaging.Core.Data;

namespace Messaging.Core.Attachments;

/// <summary>
/// The one rule for who may have a file: it belongs to a message the member may read (internal notes only
/// for staff, <see cref="ConversationAccess.ReadableBy"/>) in a conversation they may see, and that message is
/// neither deleted nor hidden by a moderator, and the bytes are still stored. Downloads, previews, the thread
/// and the Files tabs all start from here, so a deleted message's files stop being reachable at once.
/// </summary>
internal static class AttachmentAccess
{
    public static IQueryable<Attachment> AvailableTo(this MessagingDbContext db, CurrentMember me)
    {
        var messages = db.Messages.Where(ConversationAccess.ReadableBy(me)).Where(m => m.DeletedAt == null && m.HiddenAt == null);
        var conversations = db.Conversations.VisibleTo(me);
        return db.Attachments.Where(a =>
            a.WorkspaceId == me.WorkspaceId
            && a.PurgedAt == null
            && messages.Any(m => m.Id == a.MessageId)
            && conversations.Any(c => c.Id == a.ConversationId));
    }
}
