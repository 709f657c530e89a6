using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Live;

/// <summary>What a browser's event stream carries: ids only.</summary>
public sealed record LiveEventView(long Id, string Kind, long ConversationId, long? MessageId)
{
    /// <summary>
    /// An ephemeral event (typing, read, presence: see <see cref="LiveNotices"/>): it has no id, is never
    /// replayed, and goes out once under <see cref="Kind"/> as its event name with <see cref="Data"/>.
    /// </summary>
    public bool IsEphemeral => Id == 0;

    /// <summary>The JSON an ephemeral event carries (ids, and for typing the typist's display name).</summary>
    public string? Data { get; init; }

    public static LiveEventView Ephemeral(string name, long conversationId, string data) =>
        new(0, name, conversationId, null) { Data = data };
}

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
}
