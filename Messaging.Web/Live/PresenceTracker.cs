using System.Collections.Concurrent;
using System.Threading.Channels;
using Messaging.Core.Live;

namespace Messaging.Web.Live;

/// <summary>
/// Who is online: a member with an open event stream on any node. This node's streams are known from
/// the <see cref="EventHub"/>; other nodes announce theirs on the live-event channel
/// (<see cref="LivePayload.PresenceChanged"/> when a member's first stream opens or last one
/// closes, and every <see cref="SyncInterval"/> the full list as <see cref="LivePayload.PresenceSync"/>).
/// A remote entry not confirmed for <see cref="Expiry"/> is dropped, so a node that dies without saying
/// goodbye stops counting. Held in memory only; nothing is stored.
/// </summary>
public sealed class PresenceTracker
{
    public static readonly TimeSpan SyncInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(75);

    private readonly EventHub hub;
    private readonly TimeProvider clock;
    private readonly ConcurrentDictionary<(string Node, long Member), (long Workspace, DateTimeOffset Seen)> remote = new();

    public PresenceTracker(EventHub hub, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(hub);
        this.hub = hub;
        this.clock = clock;
        hub.PresenceChanged += (_, e) => LocalChanges.Writer.TryWrite(new LivePayload.PresenceChanged(NodeId, e.WorkspaceId, e.MemberId, e.IsOnline));
    }

    /// <summary>This node's name on the channel.</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Announcements of this node's changes, waiting to be sent by <see cref="LiveNoticeFanOut"/>.</summary>
    internal Channel<LivePayload.PresenceChanged> LocalChanges { get; } =
        Channel.CreateUnbounded<LivePayload.PresenceChanged>(new() { SingleReader = true });

    public bool IsOnline(long memberId)
    {
        if (hub.HasStream(memberId))
        {
            return true;
        }

        var fresh = clock.GetUtcNow() - Expiry;
        return remote.Any(r => r.Key.Member == memberId && r.Value.Seen > fresh);
    }

    /// <summary>The full list of this node's online members, as payloads small enough for NOTIFY.</summary>
    public IEnumerable<LivePayload.PresenceSync> SyncPayloads() =>
        hub.ConnectedMembers().GroupBy(m => m.WorkspaceId)
            .SelectMany(workspace => LivePayload.PresenceSync.Split(NodeId, workspace.Key, workspace.Select(m => m.MemberId)));

    /// <summary>Takes a presence notice from the channel (from any node, this one included); returns whose presence changed.</summary>
    public IReadOnlyList<(long WorkspaceId, long MemberId)> Apply(LivePayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var now = clock.GetUtcNow();
        switch (payload)
        {
            case LivePayload.PresenceSync sync when sync.NodeId != NodeId:
                var appeared = new List<(long, long)>();
                foreach (var member in sync.MemberIds)
                {
                    if (!remote.ContainsKey((sync.NodeId, member)))
                    {
                        appeared.Add((sync.WorkspaceId, member));
                    }

                    remote[(sync.NodeId, member)] = (sync.WorkspaceId, now);
                }

                return appeared;

            case LivePayload.PresenceChanged change:
                if (change.NodeId != NodeId)
                {
                    if (change.Online)
                    {
                        remote[(change.NodeId, change.MemberId)] = (change.WorkspaceId, now);
                    }
                    else
                    {
                        remote.TryRemove((change.NodeId, change.MemberId), out _);
                    }
                }

                return [(change.WorkspaceId, change.MemberId)];

            default:
                return [];
        }
    }

    /// <summary>Drops remote entries not confirmed in time; returns whose entries went.</summary>
    public IReadOnlyList<(long WorkspaceId, long MemberId)> Expire()
    {
        var old = clock.GetUtcNow() - Expiry;
        var gone = new List<(long, long)>();
        foreach (var (key, value) in remote)
        {
            if (value.Seen <= old && remote.TryRemove(key, out _))
            {
                gone.Add((value.Workspace, key.Member));
            }
        }

        return gone;
    }
}
