using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Messaging.Core.Live;

/// <summary>
/// What travels on the live-event channel (<see cref="LiveChannel"/>), one nested record per kind, and the one
/// place where a NOTIFY payload is written (<see cref="Format"/>) and read (<see cref="TryParse"/>):
/// <list type="table">
/// <item><term><c>12,13</c></term><description><see cref="EventsCommitted"/>: stored live events, sent at commit by <see cref="LiveEventNotifier"/>.</description></item>
/// <item><term><c>revoke:{member}</c></term><description><see cref="AccessRevoked"/>: end the member's open streams.</description></item>
/// <item><term><c>typing:{conversation}:{member}:{0|1}</c></term><description><see cref="Typing"/>; 1 in the internal-note form.</description></item>
/// <item><term><c>read:{conversation}:{message}</c></term><description><see cref="ReadMoved"/>; written by a trigger (migration 0008), so its text is fixed.</description></item>
/// <item><term><c>working:{conversation}:{member}:{v|r}</c></term><description><see cref="Working"/>: a staff member viewing or replying.</description></item>
/// <item><term><c>presence:{node}:{workspace}:{member}:{1|0}</c></term><description><see cref="PresenceChanged"/>: a member's first stream on a node opened, or their last one closed.</description></item>
/// <item><term><c>presence-sync:{node}:{workspace}:{members}</c></term><description><see cref="PresenceSync"/>: a node's full online list, comma-separated.</description></item>
/// </list>
/// Ids are non-negative decimal integers without sign or spaces. Text that fits none of these shapes is not a
/// payload: <see cref="TryParse"/> says false and the listener ignores it.
/// </summary>
public abstract record LivePayload
{
    /// <summary>PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; the long kinds stay well below it.</summary>
    public const int MaxLength = 7000;

    private const string RevokePrefix = "revoke:";
    private const string TypingPrefix = "typing:";
    private const string ReadPrefix = "read:";
    private const string WorkingPrefix = "working:";
    private const string PresencePrefix = "presence:";
    private const string PresenceSyncPrefix = "presence-sync:";

    private LivePayload()
    {
    }

    /// <summary>The payload's text on the channel.</summary>
    public abstract string Format();

    public static bool TryParse(string? text, [NotNullWhen(true)] out LivePayload? payload)
    {
        payload = text is null ? null : Parse(text);
        return payload is not null;
    }

    private static LivePayload? Parse(string text)
    {
        if (text.StartsWith(RevokePrefix, StringComparison.Ordinal))
        {
            return Fields(text, RevokePrefix, 1) is [var member] && TryId(member, out var memberId) ? new AccessRevoked(memberId) : null;
        }

        if (text.StartsWith(TypingPrefix, StringComparison.Ordinal))
        {
            return Fields(text, TypingPrefix, 3) is [var conversation, var member, var note]
                && TryId(conversation, out var conversationId) && TryId(member, out var memberId) && TryFlag(note, "1", "0", out var staffOnly)
                ? new Typing(conversationId, memberId, staffOnly)
                : null;
        }

        if (text.StartsWith(ReadPrefix, StringComparison.Ordinal))
        {
            return Fields(text, ReadPrefix, 2) is [var conversation, var message]
                && TryId(conversation, out var conversationId) && TryId(message, out var messageId)
                ? new ReadMoved(conversationId, messageId)
                : null;
        }

        if (text.StartsWith(WorkingPrefix, StringComparison.Ordinal))
        {
            return Fields(text, WorkingPrefix, 3) is [var conversation, var member, var state]
                && TryId(conversation, out var conversationId) && TryId(member, out var memberId) && TryFlag(state, "r", "v", out var replying)
                ? new Working(conversationId, memberId, replying)
                : null;
        }

        if (text.StartsWith(PresenceSyncPrefix, StringComparison.Ordinal))
        {
            return Fields(text, PresenceSyncPrefix, 3) is [var node, var workspace, var members]
                && node.Length > 0 && TryId(workspace, out var workspaceId) && TryIds(members, allowEmpty: true, out var memberIds)
                ? new PresenceSync(node, workspaceId, memberIds)
                : null;
        }

        if (text.StartsWith(PresencePrefix, StringComparison.Ordinal))
        {
            return Fields(text, PresencePrefix, 4) is [var node, var workspace, var member, var online]
                && node.Length > 0 && TryId(workspace, out var workspaceId) && TryId(member, out var memberId) && TryFlag(online, "1", "0", out var isOnline)
                ? new PresenceChanged(node, workspaceId, memberId, isOnline)
                : null;
        }

        return TryIds(text, allowEmpty: false, out var eventIds) ? new EventsCommitted(eventIds) : null;
    }

    private static string[]? Fields(string text, string prefix, int count)
    {
        var fields = text[prefix.Length..].Split(':');
        return fields.Length == count ? fields : null;
    }

    private static bool TryId(string text, out long id) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);

    private static bool TryIds(string text, bool allowEmpty, out IReadOnlyList<long> ids)
    {
        ids = [];
        if (text.Length == 0)
        {
            return allowEmpty;
        }

        var parsed = new List<long>();
        foreach (var part in text.Split(','))
        {
            if (!TryId(part, out var id))
            {
                return false;
            }

            parsed.Add(id);
        }

        ids = parsed;
        return true;
    }

    private static bool TryFlag(string text, string yes, string no, out bool value)
    {
        value = text == yes;
        return value || text == no;
    }

    private static string Ids(IEnumerable<long> ids) => string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Stored live events that committed (ids in <c>live_events</c>); each node loads them and fans them out.</summary>
    public sealed record EventsCommitted(IReadOnlyList<long> EventIds) : LivePayload
    {
        public override string Format() => Ids(EventIds);
    }

    /// <summary>The member lost access to something: every node ends their open streams, and the browser reconnects and is checked again.</summary>
    public sealed record AccessRevoked(long MemberId) : LivePayload
    {
        public override string Format() => string.Create(CultureInfo.InvariantCulture, $"{RevokePrefix}{MemberId}");
    }

    /// <summary>Someone is typing in a conversation (in the note form when <paramref name="StaffOnly"/>: only staff may learn of it).</summary>
    public sealed record Typing(long ConversationId, long MemberId, bool StaffOnly) : LivePayload
    {
        public override string Format() =>
            string.Create(CultureInfo.InvariantCulture, $"{TypingPrefix}{ConversationId}:{MemberId}:{(StaffOnly ? 1 : 0)}");
    }

    /// <summary>Someone's read pointer in the conversation moved to the message (0: before the first one).</summary>
    public sealed record ReadMoved(long ConversationId, long MessageId) : LivePayload
    {
        public override string Format() => string.Create(CultureInfo.InvariantCulture, $"{ReadPrefix}{ConversationId}:{MessageId}");
    }

    /// <summary>A staff member has the thread open ("viewing") or is writing a reply ("replying"): the collision warning.</summary>
    public sealed record Working(long ConversationId, long MemberId, bool Replying) : LivePayload
    {
        public override string Format() =>
            string.Create(CultureInfo.InvariantCulture, $"{WorkingPrefix}{ConversationId}:{MemberId}:{(Replying ? "r" : "v")}");
    }

    /// <summary>On node <paramref name="NodeId"/>, the member's first stream opened (<paramref name="Online"/>) or their last one closed.</summary>
    public sealed record PresenceChanged(string NodeId, long WorkspaceId, long MemberId, bool Online) : LivePayload
    {
        public override string Format() =>
            string.Create(CultureInfo.InvariantCulture, $"{PresencePrefix}{NodeId}:{WorkspaceId}:{MemberId}:{(Online ? 1 : 0)}");
    }

    /// <summary>The members of a workspace with an open stream on node <paramref name="NodeId"/> (one part of the list, see <see cref="Split"/>).</summary>
    public sealed record PresenceSync(string NodeId, long WorkspaceId, IReadOnlyList<long> MemberIds) : LivePayload
    {
        public override string Format() => string.Create(CultureInfo.InvariantCulture, $"{PresenceSyncPrefix}{NodeId}:{WorkspaceId}:{Ids(MemberIds)}");

        /// <summary>The node's list as payloads of at most <paramref name="maxLength"/> characters each (one, possibly empty, if it fits).</summary>
        public static IEnumerable<PresenceSync> Split(string nodeId, long workspaceId, IEnumerable<long> memberIds, int maxLength = MaxLength)
        {
            ArgumentNullException.ThrowIfNull(nodeId);
            ArgumentNullException.ThrowIfNull(memberIds);
            var length = new PresenceSync(nodeId, workspaceId, []).Format().Length;
            var part = new List<long>();
            var partLength = length;
            foreach (var member in memberIds)
            {
                var idLength = member.ToString(CultureInfo.InvariantCulture).Length + (part.Count > 0 ? 1 : 0);
                if (part.Count > 0 && partLength + idLength > maxLength)
                {
                    yield return new PresenceSync(nodeId, workspaceId, part);
                    part = [];
                    partLength = length;
                    idLength -= 1;
                }

                part.Add(member);
                partLength += idLength;
            }

            yield return new PresenceSync(nodeId, workspaceId, part);
        }
    }
}
