using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Live;

/// <summary>
/// The events after a Last-Event-ID that the member may see, oldest first: what a reconnecting
/// stream missed. Events in conversations the member cannot see, and internal notes for clients, are left out.
/// </summary>
public sealed class ReplayEvents(MessagingDbContext db)
{
    public const int MaxReplay = 500;

    public async Task<IReadOnlyList<LiveEventView>> HandleAsync(CurrentMember me, long afterEventId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var staff = me.IsStaff;
        var visible = db.Conversations.AsNoTracking().VisibleTo(me).Select(c => c.Id);
        return await db.LiveEvents.AsNoTracking()
            .Where(e => e.WorkspaceId == me.WorkspaceId && e.Id > afterEventId)
            .Where(e => staff || e.Visibility == MessageVisibility.Everyone)
            .Where(e => visible.Contains(e.ConversationId))
            .OrderBy(e => e.Id)
            .Take(MaxReplay)
            .Select(e => new LiveEventView(e.Id, e.Kind, e.ConversationId, e.MessageId))
            .ToListAsync(ct);
    }

    /// <summary>The newest event id: where a fresh stream without Last-Event-ID starts.</summary>
    public async Task<long> LatestIdAsync(CancellationToken ct) =>
        await db.LiveEvents.AsNoTracking().MaxAsync(e => (long?)e.Id, ct) ?? 0;

    /// <summary>Event ids after the given one in any workspace, oldest first: what a node's listener catches up on after it reconnects.</summary>
    public async Task<IReadOnlyList<long>> IdsAfterAsync(long afterEventId, CancellationToken ct) =>
        await db.LiveEvents.AsNoTracking().Where(e => e.Id > afterEventId).OrderBy(e => e.Id).Take(1000).Select(e => e.Id).ToListAsync(ct);
}
