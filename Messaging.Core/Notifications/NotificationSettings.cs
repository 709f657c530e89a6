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
