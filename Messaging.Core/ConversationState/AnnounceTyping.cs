using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Live;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.ConversationState;

/// <summary>
/// Tells the others in a conversation that the member is typing. Only someone who may write there can
/// type there (a Viewer cannot); typing in the internal-note form reaches staff only. Over the
/// <see cref="TypingThrottle"/> it answers Ok(false) and announces nothing (the caller answers 429).
/// </summary>
public sealed class AnnounceTyping(MessagingDbContext db, TypingThrottle throttle)
{
    public async Task<Result<bool>> HandleAsync(CurrentMember me, long conversationId, bool inNote, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var visible = await db.Conversations.AsNoTracking().VisibleTo(me)
            .Where(c => c.Id == conversationId)
            .AnyAsync(c => db.Workspaces.Any(w => w.Id == c.WorkspaceId && w.MessagesEnabled), ct);
        if (!visible || (inNote && !me.IsStaff))
        {
            return Result<bool>.NotFound();
        }

        if (!me.Can(Permissions.Send))
        {
            return Result<bool>.Forbidden("You can read this conversation but you do not have permission to send messages.");
        }

        if (!throttle.TryAcquire(me.MemberId, conversationId))
        {
            return Result<bool>.Ok(false);
        }

        await LiveChannel.NotifyAsync(db, new LivePayload.Typing(conversationId, me.MemberId, inNote), ct);
        return Result<bool>.Ok(true);
    }
}
