using Messaging.Core.Access;

namespace Messaging.Core.Notifications;

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
    public const int MaxMessageIdLength = 300;

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

    /// <summary>The Message-ID (with angle brackets) of the email that carried this row, set when it was sent: replies name it in In-Reply-To/References.</summary>
    public string? MessageId { get; set; }

    public string? Subject { get; set; }

    public string? Body { get; set; }

    /// <summary>For notices that must exist once (e.g. one activity digest per member per day).</summary>
    public string? DedupeKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
