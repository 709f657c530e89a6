using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Live;

/// <summary>
/// What a reconnecting stream missed, page by page, oldest first: the events the member may see that its cursor
/// lacks (above its high or pending) and that this node had fanned out when the stream subscribed (the rest reach
/// the stream through the node). Events in conversations the member cannot see, and internal notes for clients,
/// are left out. Nothing is capped: a gap larger than <see cref="MaxReplay"/> is answered by telling the page to
/// reload its state instead (see <c>docs/architecture-notes.md</c>, "Live delivery guarantee").
/// </summary>
public sealed class ReplayEvents(MessagingDbContext db)
{
    /// <summary>Events read per query while replaying.</summary>
    public const int PageSize = 500;

    /// <summary>More missed events than this, and the page is told to reload rather than refetch once per event.</summary>
    public const int MaxReplay = 2000;

    /// <summary>The next page of missed events after <paramref name="afterEventId"/> (start with 0).</summary>
    public async Task<IReadOnlyList<LiveEventView>> HandleAsync(
        CurrentMember me, LiveCursor from, long afterEventId, CancellationToken ct) =>
        await Missed(me, from)
            .Where(e => e.Id > afterEventId)
            .OrderBy(e => e.Id)
            .Take(PageSize)
            .Select(e => new LiveEventView(e.Id, e.Kind, e.ConversationId, e.MessageId))
            .ToListAsync(ct);

    /// <summary>Whether more than <paramref name="limit"/> events were missed.</summary>
    public async Task<bool> MoreThanAsync(CurrentMember me, LiveCursor from, int limit, CancellationToken ct) =>
        await Missed(me, from).OrderBy(e => e.Id).Skip(limit).AnyAsync(ct);

    private IQueryable<LiveEvent> Missed(CurrentMember me, LiveCursor from)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(from);
        var staff = me.IsStaff;
        var visible = db.Conversations.AsNoTracking().VisibleTo(me).Select(c => c.Id);
        var lacking = from.Pending.ToList();
        return db.LiveEvents.AsNoTracking()
            .Where(e => e.WorkspaceId == me.WorkspaceId && (e.Id > from.High || lacking.Contains(e.Id)))
            .Where(e => staff || e.Visibility == MessageVisibility.Everyone)
            .Where(e => visible.Contains(e.ConversationId));
    }

    /// <summary>The newest event id: where a fresh stream without Last-Event-ID starts.</summary>
    public async Task<long> LatestIdAsync(CancellationToken ct) =>
        await db.LiveEvents.AsNoTracking().MaxAsync(e => (long?)e.Id, ct) ?? 0;

    /// <summary>The ids of the newest events in any workspace, oldest first: a node starting up finds the holes below the newest among them.</summary>
    public async Task<IReadOnlyList<long>> RecentIdsAsync(int count, CancellationToken ct)
    {
        var ids = await db.LiveEvents.AsNoTracking().OrderByDescending(e => e.Id).Take(count).Select(e => e.Id).ToListAsync(ct);
        ids.Reverse();
        return ids;
    }

    /// <summary>Event ids after the given one in any workspace, oldest first, a page at a time: what a node's listener catches up on after it reconnects.</summary>
    public async Task<IReadOnlyList<long>> IdsAfterAsync(long afterEventId, CancellationToken ct) =>
        await db.LiveEvents.AsNoTracking().Where(e => e.Id > afterEventId).OrderBy(e => e.Id).Take(1000).Select(e => e.Id).ToListAsync(ct);
}
