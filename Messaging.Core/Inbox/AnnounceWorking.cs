using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Live;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

/// <summary>Announces that a staff member is viewing or replying in a conversation they can see; false for anyone else (the caller answers 404).</summary>
public sealed class AnnounceWorking(MessagingDbContext db)
{
    public async Task<bool> HandleAsync(CurrentMember me, long conversationId, bool replying, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsStaff || !await db.Conversations.AsNoTracking().VisibleTo(me).AnyAsync(c => c.Id == conversationId, ct))
        {
            return false;
        }

        var payload = string.Create(CultureInfo.InvariantCulture, $"{WorkingNotices.Prefix}{conversationId}:{me.MemberId}:{(replying ? "r" : "v")}");
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_notify({LiveEventNotifier.Channel}, {payload})", ct);
        return true;
    }
}
