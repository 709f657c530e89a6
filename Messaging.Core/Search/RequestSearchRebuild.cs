using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;

namespace Messaging.Core.Search;

/// <summary>
/// Asks every node to rebuild its search index (Admins): a <see cref="SearchRebuildRequest"/> row, which each node's
/// index sees on its next feed read (within a second) and rebuilds into a new folder while the old index answers.
/// </summary>
public sealed class RequestSearchRebuild(MessagingDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsAdmin)
        {
            return Result<long>.NotFound();
        }

        var request = new SearchRebuildRequest { WorkspaceId = me.WorkspaceId, RequestedByMemberId = me.MemberId, Reason = "admin", RequestedAt = clock.GetUtcNow() };
        db.Add(request);
        audit.Record(me, AuditActions.SettingChange, "workspace", me.WorkspaceId.ToString(CultureInfo.InvariantCulture), "search index rebuild requested");
        await db.SaveChangesAsync(ct);
        return Result<long>.Ok(request.Id);
    }
}
