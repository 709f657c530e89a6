using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Live;

/// <summary>Loads one committed event and who may see it, for the node-local fan-out after a NOTIFY.</summary>
public sealed class LoadEventForFanOut(MessagingDbContext db)
{
    public async Task<(LiveEventView Event, long WorkspaceId, IReadOnlySet<long> Audience)?> HandleAsync(long eventId, CancellationToken ct)
    {
        var e = await db.LiveEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return null;
        }

        var audience = await ConversationAccess.AudienceAsync(db, e.ConversationId, e.Visibility, ct);
        return (new LiveEventView(e.Id, e.Kind, e.ConversationId, e.MessageId), e.WorkspaceId, audience);
    }

    /// <summary>Event ids after the given one, for catching up after the listener reconnects.</summary>
    public async Task<IReadOnlyList<long>> IdsAfterAsync(long afterEventId, CancellationToken ct) =>
        await db.LiveEvents.AsNoTracking().Where(e => e.Id > afterEventId).OrderBy(e => e.Id).Take(1000).Select(e => e.Id).ToListAsync(ct);
}
