namespace Messaging.Core.Notifications;

/// <summary>Email notification rules (<c>Messaging:Notifications</c>); bound and validated by the web host.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Messaging:Notifications";

    /// <summary>A message not read within this many minutes is emailed (immediate mode).</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 1440)]
    public int UnreadMinutes { get; set; } = 5;

    /// <summary>Local hour (0-23) the daily digest goes out.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 23)]
    public int DailyDigestHour { get; set; } = 8;

    /// <summary>At most this many emails per recipient per rolling hour; the rest wait (flood protection).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1000)]
    public int MaxEmailsPerHour { get; set; } = 10;

    /// <summary>How long the signed reply address of a notification stays valid.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3650)]
    public int ReplyTokenDays { get; set; } = 30;

    /// <summary>HMAC key of reply addresses. When empty the host makes a random one per start (replies to older mails then bounce).</summary>
    public string ReplySecret { get; set; } = "";

    /// <summary>Domain of reply addresses (<c>reply+TOKEN@domain</c>) and of our Message-IDs.</summary>
    public string MailDomain { get; set; } = "portal.local";

    /// <summary>Sender address of every notification.</summary>
    public string FromAddress { get; set; } = "notifications@portal.local";

    /// <summary>Links in emails start with this (the portal's public address).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>A claim older than this is taken over by another dispatcher.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3600)]
    public int StaleClaimSeconds { get; set; } = 300;
}
