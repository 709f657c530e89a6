using Messaging.Core.Access;

namespace Messaging.Core.Notifications;

/// <summary>How a member wants to hear about new messages by email.</summary>
public enum EmailMode
{
    /// <summary>One email per conversation, N minutes after a message they have not read (see <see cref="NotificationOptions.UnreadMinutes"/>).</summary>
    Immediate,

    /// <summary>One email an hour, listing every conversation with unread messages.</summary>
    Hourly,

    /// <summary>One email a day at <see cref="NotificationOptions.DailyDigestHour"/> in the member's time zone.</summary>
    Daily,

    Off,
}

/// <summary>A member's notification settings. No row means <see cref="Defaults"/>.</summary>
public sealed class NotificationSettings
{
    public const int MaxTimeZoneLength = 100;

    public long MemberId { get; set; }

    public EmailMode EmailMode { get; set; }

    /// <summary>Desktop notifications (Notification API) while the tab is hidden; the browser's own permission is asked on the settings page.</summary>
    public bool BrowserEnabled { get; set; }

    public bool SoundEnabled { get; set; }

    /// <summary>Start of quiet hours, minutes after local midnight; null when there are none.</summary>
    public int? QuietStartMinute { get; set; }

    /// <summary>End of quiet hours (may be before the start: the hours then span midnight).</summary>
    public int? QuietEndMinute { get; set; }

    /// <summary>An IANA time zone id (e.g. <c>Europe/Berlin</c>): quiet hours and the daily digest follow it.</summary>
    public string TimeZone { get; set; } = "UTC";

    public DateTimeOffset UpdatedAt { get; set; }

    public static NotificationSettings Defaults(long memberId) => new() { MemberId = memberId, EmailMode = EmailMode.Immediate };
}

public enum EmailKind
{
    /// <summary>New messages in one conversation (or, for digest modes, grouped with others of the same recipient).</summary>
    Messages,

    /// <summary>A precomposed notice (reply refused, reply address expired, staff activity digest): subject and body stored on the row.</summary>
    Notice,
}

public enum EmailStatus
{
    Pending,

    /// <summary>Claimed by a dispatcher; taken over when the claim goes stale (a crash between send and mark sends at most one duplicate with the same Message-ID).</summary>
    Sending,

    Sent,

    /// <summary>Nothing to say any more (read meanwhile, muted, mode off, access lost).</summary>
    Skipped,
}

/// <summary>
/// A row of the email outbox. Message rows are written in the same transaction as the message; one
/// pending row per recipient and conversation collects the messages that arrive until it is due.
/// </summary>
public sealed class EmailOutboxEntry
{
    public const int MaxErrorLength = 500;
    public const int MaxSubjectLength = 300;
    public const int MaxDedupeKeyLength = 100;

    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public long RecipientMemberId { get; set; }

    public Member? Recipient { get; set; }

    public long? ConversationId { get; set; }

    public EmailKind Kind { get; set; }

    public EmailStatus Status { get; set; }

    /// <summary>The first message this row announces (messages rows).</summary>
    public long? FirstMessageId { get; set; }

    /// <summary>The newest message the sent email included, so the next email starts after it.</summary>
    public long? LastMessageId { get; set; }

    public bool Urgent { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The row whose email carried this one (itself, or the digest it was grouped into); Message-ID derives from it.</summary>
    public long? SentInId { get; set; }

    public string? Subject { get; set; }

    public string? Body { get; set; }

    /// <summary>For notices that must exist once (e.g. one activity digest per member per day).</summary>
    public string? DedupeKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
