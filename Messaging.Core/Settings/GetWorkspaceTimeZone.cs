using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Settings;

/// <summary>The workspace's time zone (IANA id), which exports show local times in.</summary>
public sealed class GetWorkspaceTimeZone(MessagingDbContext db)
{
    public async Task<string> HandleAsync(long workspaceId, CancellationToken ct) =>
        await db.Workspaces.AsNoTracking().Where(w => w.Id == workspaceId).Select(w => w.TimeZone).SingleOrDefaultAsync(ct) ?? "UTC";

    /// <summary>The zones offered: this machine's IANA ids, UTC first.</summary>
    public static IReadOnlyList<string> Choices { get; } =
        ["UTC", .. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
}
