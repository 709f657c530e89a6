using System.Text.RegularExpressions;
using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

public sealed record SavedReplyView(long Id, string Title, string Body, bool IsShared, bool CanDelete);

/// <summary>The saved replies a staff member may use: the workspace's and their own.</summary>
public sealed class ListSavedReplies(MessagingDbContext db)
{
    public async Task<IReadOnlyList<SavedReplyView>> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsStaff)
        {
            return [];
        }

        var manage = me.Can(Permissions.ManageInbox);
        return await db.SavedReplies.AsNoTracking()
            .Where(r => r.WorkspaceId == me.WorkspaceId && (r.OwnerMemberId == null || r.OwnerMemberId == me.MemberId))
            .OrderBy(r => r.Title).ThenBy(r => r.Id)
            .Select(r => new SavedReplyView(r.Id, r.Title, r.Body, r.OwnerMemberId == null, r.OwnerMemberId == me.MemberId || (r.OwnerMemberId == null && manage)))
            .ToListAsync(ct);
    }
}
