using Messaging.Core.Access;

namespace Messaging.Core.Inbox;

/// <summary>Where a conversation stands for the team.</summary>
public enum ConversationStatus
{
    Open,

    /// <summary>The team answered; the next move is the client's.</summary>
    WaitingOnClient,

    Closed,
}

/// <summary>A label from the workspace's tag list (managed by Managers and Admins).</summary>
public sealed class WorkspaceTag
{
    public const int MaxNameLength = 40;

    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A tag put on a conversation.</summary>
public sealed class ConversationTag
{
    public long ConversationId { get; set; }

    public long TagId { get; set; }

    public WorkspaceTag? Tag { get; set; }
}

/// <summary>A canned answer: the workspace's (no owner) or one member's own.</summary>
public sealed class SavedReply
{
    public const int MaxTitleLength = 100;

    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    /// <summary>Null for a workspace reply every staff member may use.</summary>
    public long? OwnerMemberId { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A staff member away from <see cref="StartsOn"/> to <see cref="EndsOn"/> (inclusive); their conversations go to the cover meanwhile.</summary>
public sealed class MemberAbsence
{
    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public long MemberId { get; set; }

    public Member? Member { get; set; }

    public long CoverMemberId { get; set; }

    public Member? Cover { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// One staff answer to a waiting client: how long the client waited (from their first unanswered
/// message to the staff reply). The first of a conversation is its first-response time.
/// </summary>
public sealed class ConversationResponse
{
    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public long ConversationId { get; set; }

    public long? ProjectId { get; set; }

    public long MessageId { get; set; }

    public long ResponderMemberId { get; set; }

    public DateTimeOffset AskedAt { get; set; }

    public DateTimeOffset RespondedAt { get; set; }

    public int Seconds { get; set; }

    public bool IsFirst { get; set; }
}
