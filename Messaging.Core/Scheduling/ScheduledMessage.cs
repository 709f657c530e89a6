using Messaging.Core.Messages;

namespace Messaging.Core.Scheduling;

public enum ScheduledMessageStatus
{
    /// <summary>Waiting for its time; the author may still edit or cancel it.</summary>
    Pending,

    /// <summary>Claimed by a dispatcher (on some node) that is sending it now.</summary>
    Sending,

    Sent,

    Cancelled,

    /// <summary>The send was refused when its time came (the author lost access, the project closed...); <see cref="ScheduledMessage.Failure"/> says why.</summary>
    Failed,
}

/// <summary>
/// A reply its author asked to be sent later. A background dispatcher claims it when it is due and sends
/// it through <see cref="SendMessage"/> with <see cref="IdempotencyKey"/>, so the message is stored once
/// even if two nodes, or a retry after a crash, send it again.
/// </summary>
public sealed class ScheduledMessage
{
    public const int MaxFailureLength = 500;

    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public long ConversationId { get; set; }

    public long AuthorMemberId { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset SendAt { get; set; }

    /// <summary>The key of the form that scheduled it, reused for the send: the message it becomes is stored once.</summary>
    public Guid IdempotencyKey { get; set; }

    public ScheduledMessageStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When a dispatcher claimed it; a claim left this long in <see cref="ScheduledMessageStatus.Sending"/> (a crashed node) is taken over.</summary>
    public DateTimeOffset? ClaimedAt { get; set; }

    public long? SentMessageId { get; set; }

    public string? Failure { get; set; }
}
