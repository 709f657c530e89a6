using System.Collections.Concurrent;
using System.Globalization;

namespace Messaging.Web.Live;

/// <summary>
/// Who is online: a member with an open event stream on any node. This node's streams are known from
/// the <see cref="EventHub"/>; other nodes announce theirs on the live-event channel
/// (<c>presence:{node}:{workspace}:{member}:{1|0}</c> when a member's first stream opens or last one
/// closes, and every <see cref="SyncInterval"/> the full list as <c>presence-sync:{node}:{workspace}:{ids}</c>).
/// A remote entry not confirmed for <see cref="Expiry"/> is dropped, so a node that dies without saying
/// goodbye stops counting. Held in memory only; nothing is stored.
/// </summary>
public sealed class PresenceTracker
{
    public const string ChangePrefix = "presence:";
    public const string SyncPrefix = "presence-sync:";

    public static readonly TimeSpan SyncInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(75);

    private const int MaxPayload = 7000;

    private readonly EventHub hub;
    private readonly TimeProvider clock;
    private readonly ConcurrentDictionary<(string Node, long Member), (long Workspace, DateTimeOffset Seen)> remote = new();

    public PresenceTracker(EventHub hub, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(hub);
        this.hub = hub;
        this.clock = clock;
        hub.PresenceChanged += (_, e) => LocalChanges.Writer.TryWrite(Change(e.WorkspaceId, e.MemberId, e.IsOnline));
    }

    /// <summary>This node's name on the channel.</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Announcements of this node's changes, waiting to be sent by <see cref="LiveNoticeFanOut"/>.</summary>
    internal System.Threading.Channels.Channel<string> LocalChanges { get; } =
        System.Threading.Channels.Channel.CreateUnbounded<string>(new() { SingleReader = true });

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
    public IEnumerable<string> SyncPayloads()
    {
        foreach (var workspace in hub.ConnectedMembers().GroupBy(m => m.WorkspaceId))
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"{SyncPrefix}{NodeId}:{workspace.Key}:");
            var ids = new List<string>();
            var length = prefix.Length;
            foreach (var (_, member) in workspace)
            {
                var id = member.ToString(CultureInfo.InvariantCulture);
                if (length + id.Length + 1 > MaxPayload)
                {
                    yield return prefix + string.Join(',', ids);
                    ids.Clear();
                    length = prefix.Length;
                }

                ids.Add(id);
                length += id.Length + 1;
            }

            yield return prefix + string.Join(',', ids);
        }
    }

    /// <summary>Takes a presence notice from the channel (from any node, this one included); returns whose presence changed.</summary>
    public IReadOnlyList<(long WorkspaceId, long MemberId)> Apply(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var now = clock.GetUtcNow();
        if (payload.StartsWith(SyncPrefix, StringComparison.Ordinal))
        {
            var parts = payload[SyncPrefix.Length..].Split(':');
            if (parts.Length != 3 || parts[0] == NodeId || !TryId(parts[1], out var workspace))
            {
                return [];
            }

            var appeared = new List<(long, long)>();
            foreach (var text in parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                if (TryId(text, out var member))
                {
                    if (!remote.ContainsKey((parts[0], member)))
                    {
                        appeared.Add((workspace, member));
                    }

                    remote[(parts[0], member)] = (workspace, now);
                }
            }

            return appeared;
        }

        if (payload.StartsWith(ChangePrefix, StringComparison.Ordinal))
        {
            var parts = payload[ChangePrefix.Length..].Split(':');
            if (parts.Length != 4 || !TryId(parts[1], out var workspace) || !TryId(parts[2], out var member))
            {
                return [];
            }

            if (parts[0] != NodeId)
            {
                if (parts[3] == "1")
                {
                    remote[(parts[0], member)] = (workspace, now);
                }
                else
                {
                    remote.TryRemove((parts[0], member), out _);
                }
            }

            return [(workspace, member)];
        }

        return [];
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

    private string Change(long workspaceId, long memberId, bool online) =>
        string.Create(CultureInfo.InvariantCulture, $"{ChangePrefix}{NodeId}:{workspaceId}:{memberId}:{(online ? 1 : 0)}");

    private static bool TryId(string text, out long id) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
