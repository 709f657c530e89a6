using System.Globalization;
using Messaging.Core.Data;
using Messaging.Core.Live;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

/// <summary>A staff member has the thread open ("viewing") or is writing a reply ("replying").</summary>
public sealed record WorkingNotice(long ConversationId, long MemberId, bool Replying);

/// <summary>
/// The collision warning's notices: <c>working:{conversation}:{member}:{v|r}</c> on the live-event
/// channel, fanned out to the other staff who can see the conversation (never to clients), and never
/// stored or replayed: a page says "Alex is viewing" for a short while after the last notice.
/// </summary>
public static class WorkingNotices
{
    public const string Prefix = "working:";

    public static bool TryParse(string payload, out WorkingNotice notice)
    {
        ArgumentNullException.ThrowIfNull(payload);
        notice = null!;
        var parts = payload.StartsWith(Prefix, StringComparison.Ordinal) ? payload[Prefix.Length..].Split(':') : [];
        if (parts.Length != 3 || !Id(parts[0], out var conversation) || !Id(parts[1], out var member) || parts[2] is not ("v" or "r"))
        {
            return false;
        }

        notice = new WorkingNotice(conversation, member, parts[2] == "r");
        return true;
    }

    private static bool Id(string text, out long id) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
