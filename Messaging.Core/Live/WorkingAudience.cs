using System.Globalization;
using System.Text.Json;
using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Live;

/// <summary>
/// Who sees "Alex is viewing / replying" (<see cref="LivePayload.Working"/>): the other staff who can see the
/// conversation, never clients and never the member themselves. The event <c>working-{conversation}</c> carries the
/// member's id, display name and state. Null when the member does not exist.
/// </summary>
public sealed class WorkingAudience(MessagingDbContext db)
{
    public async Task<LiveDelivery?> HandleAsync(LivePayload.Working working, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(working);
        var member = await db.Members.AsNoTracking().Where(m => m.Id == working.MemberId)
            .Select(m => new { m.WorkspaceId, m.DisplayName }).SingleOrDefaultAsync(ct);
        if (member is null)
        {
            return null;
        }

        var audience = (await ConversationAccess.AudienceAsync(db, working.ConversationId, MessageVisibility.StaffOnly, ct)).ToHashSet();
        audience.Remove(working.MemberId);
        var data = JsonSerializer.Serialize(new { memberId = working.MemberId, name = member.DisplayName, state = working.Replying ? "replying" : "viewing" });
        var name = string.Create(CultureInfo.InvariantCulture, $"working-{working.ConversationId}");
        return new LiveDelivery(member.WorkspaceId, audience, LiveEventView.Ephemeral(name, working.ConversationId, data));
    }
}
