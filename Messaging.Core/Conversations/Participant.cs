using Messaging.Core.Access;
using Messaging.Core.Messages;
using Messaging.Core.Projects;

namespace Messaging.Core.Conversations;

/// <summary>A member taking part in a conversation, with their own read state.</summary>
public sealed class Participant
{
    public long ConversationId { get; set; }

    public long MemberId { get; set; }

    public Member? Member { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>Everything up to and including this message id has been read. Unread counts derive from it.</summary>
    public long LastReadMessageId { get; set; }

    /// <summary>When <see cref="LastReadMessageId"/> last moved: stamped by a database trigger (migration 0008), the time read receipts show.</summary>
    public DateTimeOffset? LastReadAt { get; set; }

    public bool IsArchived { get; set; }

    public bool IsMuted { get; set; }

    /// <summary>"Deleted for me": the conversation is left out of this member's lists until a new message arrives.</summary>
    public DateTimeOffset? HiddenAt { get; set; }
}
