using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Attachments;

/// <summary>
/// What the files of a conversation being started may contain: the workspace's limits (the conversation does not
/// exist yet, so it has no id; its project, chosen in the same form, has its quota checked when the files are
/// attached, under the project's lock). Null when the messages module is off or the member may not see messages.
/// </summary>
public sealed class GetNewConversationUploadPolicy(MessagingDbContext db)
{
    public async Task<UploadPolicy?> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.Can(Permissions.View) || !await db.Workspaces.AnyAsync(w => w.Id == me.WorkspaceId && w.MessagesEnabled, ct))
        {
            return null;
        }

        var settings = await GetFileSettings.LoadAsync(db, me.WorkspaceId, ct);
        return new UploadPolicy(me.WorkspaceId, 0, null, settings, 0, me.Can(Permissions.Send));
    }
}
