using System.Globalization;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Live;

/// <summary>Someone is typing in a conversation (in the note form when <paramref name="StaffOnly"/>: only staff may learn of it).</summary>
public sealed record TypingNotice(long ConversationId, long MemberId, bool StaffOnly);

/// <summary>
/// Ephemeral notices on the live-event channel, next to the ids of stored events: typing and "read
/// pointer moved" (the latter sent by a trigger, migration 0008). They are fanned out to the open
/// streams of whoever may see the conversation and never written to <c>live_events</c>, so they are
/// not replayed: a typing indicator from a minute ago means nothing.
/// </summary>
public static class LiveNotices
{
    public const string TypingPrefix = "typing:";
    public const string ReadPrefix = "read:";

    public static async Task TypingAsync(MessagingDbContext db, TypingNotice notice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(notice);
        var payload = string.Create(CultureInfo.InvariantCulture, $"{TypingPrefix}{notice.ConversationId}:{notice.MemberId}:{(notice.StaffOnly ? 1 : 0)}");
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_notify({LiveEventNotifier.Channel}, {payload})", ct);
    }

    public static bool TryParseTyping(string payload, out TypingNotice notice)
    {
        ArgumentNullException.ThrowIfNull(payload);
        notice = null!;
        if (!payload.StartsWith(TypingPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = payload[TypingPrefix.Length..].Split(':');
        if (parts.Length != 3 || !TryId(parts[0], out var conversation) || !TryId(parts[1], out var member))
        {
            return false;
        }

        notice = new TypingNotice(conversation, member, parts[2] == "1");
        return true;
    }

    /// <summary><c>read:{conversation}:{message}</c>: someone's read pointer in the conversation moved to that message.</summary>
    public static bool TryParseRead(string payload, out long conversationId, out long messageId)
    {
        ArgumentNullException.ThrowIfNull(payload);
        conversationId = 0;
        messageId = 0;
        var parts = payload.StartsWith(ReadPrefix, StringComparison.Ordinal) ? payload[ReadPrefix.Length..].Split(':') : [];
        return parts.Length == 2 && TryId(parts[0], out conversationId) && TryId(parts[1], out messageId);
    }

    private static bool TryId(string text, out long id) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
