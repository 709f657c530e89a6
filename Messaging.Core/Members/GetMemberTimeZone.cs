using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Members;

/// <summary>
/// The time zone a member's calendar days are counted in (search's <c>after:</c> and <c>before:</c>): the zone
/// of their notification settings once they have saved them (the settings page offers the browser's zone),
/// otherwise the workspace's, which an Admin sets. An id this machine does not know counts as UTC.
/// </summary>
public sealed class GetMemberTimeZone(MessagingDbContext db)
{
    public async Task<TimeZoneInfo> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var memberId = me.MemberId;
        var id = await db.Workspaces.AsNoTracking()
            .Where(w => w.Id == me.WorkspaceId)
            .Select(w => db.NotificationSettings.Where(s => s.MemberId == memberId).Select(s => s.TimeZone).FirstOrDefault() ?? w.TimeZone)
            .FirstOrDefaultAsync(ct);
        return TimeZones.Find(id);
    }
}
