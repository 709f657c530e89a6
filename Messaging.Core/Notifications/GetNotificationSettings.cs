using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Notifications;

/// <summary>The signed-in member's notification settings (the defaults when never saved).</summary>
public sealed class GetNotificationSettings(MessagingDbContext db)
{
    public async Task<NotificationSettings> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        return await db.NotificationSettings.AsNoTracking().SingleOrDefaultAsync(s => s.MemberId == me.MemberId, ct)
            ?? NotificationSettings.Defaults(me.MemberId);
    }
}
