using System.Text.RegularExpressions;
using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

/// <summary>Deletes one's own saved reply, or a workspace reply for Managers; anything else is not found.</summary>
public sealed class DeleteSavedReply(MessagingDbContext db)
{
    public async Task<Result<long>> HandleAsync(CurrentMember me, long replyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var manage = me.IsStaff && me.Can(Permissions.ManageInbox);
        var reply = await db.SavedReplies.SingleOrDefaultAsync(
            r => r.Id == replyId && r.WorkspaceId == me.WorkspaceId && (r.OwnerMemberId == me.MemberId || (r.OwnerMemberId == null && manage)), ct);
        if (reply is null || !me.IsStaff)
        {
            return Result<long>.NotFound();
        }

        db.SavedReplies.Remove(reply);
        await db.SaveChangesAsync(ct);
        return Result<long>.Ok(replyId);
    }
}
