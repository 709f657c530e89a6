using Messaging.Core.Access;
using Messaging.Core.Inbox;
using Messaging.Core.Messages;
using Messaging.Core.Projects;

namespace Messaging.Core.Conversations;

public enum ConversationCategory
{
    Project,
    General,
    System,
}

/// <summary>A thread: a subject, its participants and its messages.</summary>
public sealed class Conversation
{
    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public long? ProjectId { get; set; }

    public Project? Project { get; set; }

    public required string Subject { get; set; }

    public ConversationCategory Category { get; set; }

    public long CreatedByMemberId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Time of the newest message of any visibility (what staff sort by).</summary>
    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>Time of the newest message everyone may see (what clients sort by), so internal notes leave no trace for them.</summary>
    public DateTimeOffset LastPublicActivityAt { get; set; }

    /// <summary>The team member who owns it (issue 9); while they are away, the cover answers (worked out at read time).</summary>
    public long? AssignedMemberId { get; set; }

    public ConversationStatus Status { get; set; }

    public List<ConversationTag> Tags { get; set; } = [];

    public List<Participant> Participants { get; set; } = [];

    public List<Message> Messages { get; set; } = [];
}

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
