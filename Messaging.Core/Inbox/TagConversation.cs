using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Common.Events;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

/// <summary>Staff who may assign put a workspace tag on a conversation or take it off; audited and announced to staff.</summary>
public sealed class TagConversation(MessagingDbContext db, AuditLog audit, TimeProvider clock, DomainEvents events)
{
    public const string TagField = "tagId";

    public async Task<Result<long>> HandleAsync(CurrentMember me, long conversationId, long tagId, bool add, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var (conversation, failure) = await InboxRules.FindWorkableAsync(db, me, conversationId, ct);
        if (conversation is null)
        {
            return InboxRules.Refusal<long>(failure);
        }

        var tag = await db.WorkspaceTags.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tagId && t.WorkspaceId == me.WorkspaceId, ct);
        if (tag is null)
        {
            return Result<long>.Invalid(TagField, "Choose a tag from the workspace's list.");
        }

        var existing = await db.ConversationTags.SingleOrDefaultAsync(t => t.ConversationId == conversationId && t.TagId == tagId, ct);
        if (add == (existing is not null))
        {
            return Result<long>.Ok(tagId);
        }

        if (add)
        {
            db.ConversationTags.Add(new ConversationTag { ConversationId = conversationId, TagId = tagId });
        }
        else
        {
            db.ConversationTags.Remove(existing!);
        }

        audit.Record(me, AuditActions.ConversationTag, "conversation", conversationId.ToString(CultureInfo.InvariantCulture), $"{(add ? "added" : "removed")} {tag.Name}");
        await events.SaveAndPublishAsync(new ConversationTagged(conversation, tagId, add, me.MemberId, clock.GetUtcNow()), ct);
        return Result<long>.Ok(tagId);
    }
}
