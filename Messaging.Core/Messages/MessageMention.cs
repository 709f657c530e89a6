using Messaging.Core.Access;

namespace Messaging.Core.Messages;

/// <summary>
/// A participant named with <c>@name</c> in a message. The mentioned member's conversation row shows a
/// marker until they have read past the message. <see cref="NotifiedAt"/> is the hook for e-mail
/// notifications (issue 7): a notifier picks up rows where it is null and stamps them.
/// </summary>
public sealed class MessageMention
{
    public long MessageId { get; set; }

    public long MemberId { get; set; }

    public Member? Member { get; set; }

    /// <summary>Copied from the message, so "unread mentions per conversation" needs no join.</summary>
    public long ConversationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? NotifiedAt { get; set; }
}
