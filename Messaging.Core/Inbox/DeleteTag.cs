using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

/// <summary>Managers remove a tag from the workspace list, which takes it off every conversation.</summary>
public sealed class DeleteTag(MessagingDbContext db, AuditLog audit)
{
    public async Task<Result<long>> HandleAsync(CurrentMember me, long tagId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var tag = await db.WorkspaceTags.SingleOrDefaultAsync(t => t.Id == tagId && t.WorkspaceId == me.WorkspaceId, ct);
        if (tag is null || !me.IsStaff || !me.Can(Permissions.ManageInbox))
        {
            return Result<long>.NotFound();
        }

        db.WorkspaceTags.Remove(tag);
        audit.Record(me, AuditActions.TagChange, "tag", tag.Id.ToString(CultureInfo.InvariantCulture), $"deleted {tag.Name}");
        await db.SaveChangesAsync(ct);
        return Result<long>.Ok(tag.Id);
    }
}
