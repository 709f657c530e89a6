namespace Messaging.Core.Inbox;

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
