namespace Messaging.Core.Email;

/// <summary>Inbound email by IMAP (<c>Messaging:Email</c>); bound and validated by the web host.</summary>
public sealed class EmailChannelOptions
{
    public const string Section = "Messaging:Email";

    /// <summary>Largest mail imported; a larger one is held for staff, unread, and stays in the mailbox.</summary>
    [System.ComponentModel.DataAnnotations.Range(1024, 200 * 1024 * 1024)]
    public long MaxMailBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>A claim older than this (a poller that died mid-mail) is taken over by another.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3600)]
    public int StaleClaimSeconds { get; set; } = 300;

    /// <summary>At most this many mails per mailbox per pass; the rest come at the next (a mail bomb drains steadily).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 10000)]
    public int BatchSize { get; set; } = 100;
}
