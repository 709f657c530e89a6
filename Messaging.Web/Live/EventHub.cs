using System.Collections.Concurrent;
using System.Threading.Channels;
using Messaging.Core.Live;

namespace Messaging.Web.Live;

/// <summary>
/// This node's open event streams. The PostgreSQL listener publishes each committed event here once,
/// with the set of members allowed to see it; only their streams receive it.
/// </summary>
public sealed class EventHub
{
    /// <summary>A stream that falls this far behind is closed; the browser reconnects and is replayed from the database.</summary>
    private const int Capacity = 512;

    private readonly ConcurrentDictionary<Guid, Subscription> subscriptions = new();

    public int Count => subscriptions.Count;

    /// <summary>A member's first stream on this node opened, or their last one closed (see <see cref="PresenceTracker"/>).</summary>
    public event EventHandler<PresenceChangedEventArgs>? PresenceChanged;

    /// <summary>Whether the member has an open stream on this node.</summary>
    public bool HasStream(long memberId) => subscriptions.Values.Any(s => s.MemberId == memberId);

    /// <summary>The members with an open stream on this node, by workspace.</summary>
    public IReadOnlyList<(long WorkspaceId, long MemberId)> ConnectedMembers() =>
        subscriptions.Values.Select(s => (s.WorkspaceId, s.MemberId)).Distinct().ToList();

    public Subscription Subscribe(long memberId, long workspaceId)
    {
        var subscription = new Subscription(this, memberId, workspaceId,
            Channel.CreateBounded<LiveEventView>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }));
        var first = !HasStream(memberId);
        subscriptions[subscription.Id] = subscription;
        if (first)
        {
            PresenceChanged?.Invoke(this, new PresenceChangedEventArgs(workspaceId, memberId, online: true));
        }

        return subscription;
    }

    public void Publish(long workspaceId, IReadOnlySet<long> audience, LiveEventView liveEvent)
    {
        ArgumentNullException.ThrowIfNull(audience);
        foreach (var subscription in subscriptions.Values)
        {
            if (subscription.WorkspaceId == workspaceId && audience.Contains(subscription.MemberId)
                && !subscription.Channel.Writer.TryWrite(liveEvent))
            {
                subscription.Channel.Writer.TryComplete();
            }
        }
    }

    /// <summary>Ends every open stream of a member (used when they lose access).</summary>
    public void Disconnect(long memberId)
    {
        foreach (var subscription in subscriptions.Values.Where(s => s.MemberId == memberId))
        {
            subscription.Channel.Writer.TryComplete();
        }
    }

    private void Remove(Guid id)
    {
        if (subscriptions.TryRemove(id, out var removed) && !HasStream(removed.MemberId))
        {
            PresenceChanged?.Invoke(this, new PresenceChangedEventArgs(removed.WorkspaceId, removed.MemberId, online: false));
        }
    }

    public sealed class Subscription(EventHub hub, long memberId, long workspaceId, Channel<LiveEventView> channel) : IDisposable
    {
        public Guid Id { get; } = Guid.NewGuid();

        public long MemberId { get; } = memberId;

        public long WorkspaceId { get; } = workspaceId;

        internal Channel<LiveEventView> Channel { get; } = channel;

        public ChannelReader<LiveEventView> Reader => Channel.Reader;

        public void Dispose() => hub.Remove(Id);
    }
}

public sealed class PresenceChangedEventArgs(long workspaceId, long memberId, bool online) : EventArgs
{
    public long WorkspaceId { get; } = workspaceId;

    public long MemberId { get; } = memberId;

    public bool IsOnline { get; } = online;
}
