using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Live;

/// <summary>
/// Who receives a stored live event once it committed (<see cref="LivePayload.EventsCommitted"/>): the active
/// members who may see its conversation, and for an internal note only the staff among them. Null when the
/// event does not exist.
/// </summary>
public sealed class EventAudience(MessagingDbContext db)
{
    public async Task<LiveDelivery?> HandleAsync(long eventId, CancellationToken ct)
    {
        var e = await db.LiveEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return null;
        }

        var audience = await ConversationAccess.AudienceAsync(db, e.ConversationId, e.Visibility, ct);
        return new LiveDelivery(e.WorkspaceId, audience, new LiveEventView(e.Id, e.Kind, e.ConversationId, e.MessageId));
    }
}
