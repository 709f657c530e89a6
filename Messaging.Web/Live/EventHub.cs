using System.Collections.Concurrent;
using System.Threading.Channels;
using Messaging.Core.Live;

namespace Messaging.Web.Live;

/// <summary>
/// This node's open event streams. The PostgreSQL listener publishes each committed event here once,
/// with the set of members allowed to see it; only their streams receive it, each with the node's
/// <see cref="LiveHorizon"/> as it stood right after (the cursor a stream hands its browser).
/// </summary>
public sealed class EventHub(LiveHorizon horizon)
{
    /// <summary>A stream that falls this far behind is closed; the browser reconnects and is replayed from the database.</summary>
    private const int Capacity = 512;

    private readonly ConcurrentDictionary<Guid, Subscription> subscriptions = new();
    private readonly Lock gate = new();
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count => subscriptions.Count;

    /// <summary>A member's first stream on this node opened, or their last one closed (see <see cref="PresenceTracker"/>).</summary>
    public event EventHandler<PresenceChangedEventArgs>? PresenceChanged;

    /// <summary>Whether the member has an open stream on this node.</summary>
    public bool HasStream(long memberId) => subscriptions.Values.Any(s => s.MemberId == memberId);

    /// <summary>The members with an open stream on this node, by workspace.</summary>
    public IReadOnlyList<(long WorkspaceId, long MemberId)> ConnectedMembers() =>
        subscriptions.Values.Select(s => (s.WorkspaceId, s.MemberId)).Distinct().ToList();

    /// <summary>The listener started listening: <see cref="LiveHorizon.Start"/>.</summary>
    public void Start(long latest, IReadOnlyList<long> recentIds)
    {
        lock (gate)
        {
            horizon.Start(latest, recentIds);
        }

        started.TrySetResult();
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) until the listener has started; false if it has not.</summary>
    public async Task<bool> WaitStartedAsync(TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            await started.Task.WaitAsync(timeout, ct);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Whether this node has not fanned out the event yet (a listener catching up skips the others).</summary>
    public bool IsUnseen(long eventId)
    {
        lock (gate)
        {
            return horizon.IsUnseen(eventId);
        }
    }

    /// <summary>Where a listener that lost its connection catches up from.</summary>
    public long SeenUpTo()
    {
        lock (gate)
        {
            return horizon.SeenUpTo();
        }
    }

    /// <summary>What this node had fanned out when the stream subscribed is in <see cref="Subscription.Start"/>.</summary>
    public Subscription Subscribe(long memberId, long workspaceId)
    {
        var subscription = new Subscription(this, memberId, workspaceId,
            Channel.CreateBounded<LiveItem>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }));
        var first = !HasStream(memberId);
        lock (gate)
        {
            subscription.Start = horizon.Snapshot();
            subscriptions[subscription.Id] = subscription;
        }

        if (first)
        {
            PresenceChanged?.Invoke(this, new PresenceChangedEventArgs(workspaceId, memberId, online: true));
        }

        return subscription;
    }

    /// <summary>An ephemeral notice (typing, read, working, presence): no cursor, never replayed.</summary>
    public void Publish(long workspaceId, IReadOnlySet<long> audience, LiveEventView liveEvent) =>
        Write(workspaceId, audience, new LiveItem(liveEvent, null));

    /// <summary>
    /// A stored event this node saw committed (<paramref name="delivery"/> null: it could not be loaded or has no
    /// audience, it is only marked seen). False if it had been fanned out already.
    /// </summary>
    public bool PublishStored(long eventId, LiveDelivery? delivery)
    {
        lock (gate)
        {
            var fresh = horizon.Observe(eventId);
            if (delivery is not null)
            {
                Write(delivery.WorkspaceId, delivery.Audience, new LiveItem(delivery.Event, horizon.Snapshot()));
            }

            return fresh;
        }
    }

    /// <summary>The node's cursor if the stream has nothing waiting (for its heartbeat), else null.</summary>
    public LiveCursor? QuietCursor(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (gate)
        {
            return subscription.Channel.Reader.Count == 0 && horizon.IsStarted ? horizon.Snapshot() : null;
        }
    }

    private void Write(long workspaceId, IReadOnlySet<long> audience, LiveItem item)
    {
        ArgumentNullException.ThrowIfNull(audience);
        foreach (var subscription in subscriptions.Values)
        {
            if (subscription.WorkspaceId == workspaceId && audience.Contains(subscription.MemberId)
                && !subscription.Channel.Writer.TryWrite(item))
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

    /// <summary>An event for a stream and, for a stored one, the node's cursor right after it was fanned out.</summary>
    public sealed record LiveItem(LiveEventView Event, LiveCursor? Cursor);

    public sealed class Subscription(EventHub hub, long memberId, long workspaceId, Channel<LiveItem> channel) : IDisposable
    {
        public Guid Id { get; } = Guid.NewGuid();

        public long MemberId { get; } = memberId;

        public long WorkspaceId { get; } = workspaceId;

        internal Channel<LiveItem> Channel { get; } = channel;

        public ChannelReader<LiveItem> Reader => Channel.Reader;

        /// <summary>What the node had fanned out when the stream subscribed: the rest reaches the stream through the hub.</summary>
        public LiveCursor Start { get; internal set; } = LiveCursor.At(0);

        public void Dispose() => hub.Remove(Id);
    }
}

public sealed class PresenceChangedEventArgs(long workspaceId, long memberId, bool online) : EventArgs
{
    public long WorkspaceId { get; } = workspaceId;

    public long MemberId { get; } = memberId;

    public bool IsOnline { get; } = online;
}
