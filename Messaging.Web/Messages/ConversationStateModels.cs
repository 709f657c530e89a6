using System.Globalization;
using Messaging.Core.ConversationState;
using Messaging.Core.Scheduling;

namespace Messaging.Web.Messages;

/// <summary>The receipt line under the member's newest message (nothing when null).</summary>
public sealed record ReadReceiptModel(ReadReceiptView? Receipt);

public sealed record PresenceEntry(long MemberId, string DisplayName, bool IsOnline);

/// <summary>Who else is in the thread and whether they are online now.</summary>
public sealed record PresenceModel(IReadOnlyList<PresenceEntry> People);

/// <summary>The author's scheduled messages in a thread, with the refusal of an edit or cancel shown at its item.</summary>
public sealed record ScheduledListModel(string ThreadPath, IReadOnlyList<ScheduledMessageView> Items, ScheduledItemError? Error = null);

/// <summary>Why an edit or cancel of one item was refused, with what was typed so the form keeps it.</summary>
public sealed record ScheduledItemError(long ScheduledId, string Message, string? Body, string? ScheduleAt);

/// <summary>
/// A <c>datetime-local</c> value is the reader's wall-clock time without a zone; the form also sends the
/// browser's offset for that time (<c>Date.getTimezoneOffset()</c>, minutes to add to reach UTC), filled
/// in by conversation-state.js. Without it (no JavaScript) the time is read as UTC, which the form says.
/// </summary>
public static class LocalTimeInput
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFF"];

    public static DateTimeOffset? Parse(string? value, int? offsetMinutes)
    {
        if (string.IsNullOrWhiteSpace(value)
            || !DateTime.TryParseExact(value.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var offset = offsetMinutes is { } minutes && Math.Abs(minutes) <= 14 * 60 ? minutes : 0;
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.Zero).AddMinutes(offset);
    }

    /// <summary>The value a <c>datetime-local</c> input shows for a time, in UTC (the script turns it into local time).</summary>
    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
