using System.Globalization;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Live;

/// <summary>
/// Tells every node to end a member's open event streams, because they lost access to something
/// (deactivated, removed from a conversation, permission revoked). Sent on the live-event channel as
/// <c>revoke:{memberId}</c>; inside a transaction it is delivered at commit. A browser reconnects at
/// once and the stream endpoint checks access again, so the member keeps exactly what they may still see.
/// </summary>
public static class LiveAccess
{
    public const string RevokePrefix = "revoke:";

    public static async Task RevokeAsync(MessagingDbContext db, long memberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var payload = RevokePrefix + memberId.ToString(CultureInfo.InvariantCulture);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_notify({LiveEventNotifier.Channel}, {payload})", ct);
    }
}
