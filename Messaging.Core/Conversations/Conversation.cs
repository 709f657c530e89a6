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
