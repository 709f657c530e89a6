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

    public Subscription Subscribe(long memberId, long workspaceId)
    {
        var subscription = new Subscription(this, memberId, workspaceId,
            Channel.CreateBounded<LiveEventView>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }));
        subscriptions[subscription.Id] = subscription;
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

    private void Remove(Guid id) => subscriptions.TryRemove(id, out _);

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
