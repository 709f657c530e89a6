namespace Messaging.Core.Inbox;

/// <summary>A tag put on a conversation.</summary>
public sealed class ConversationTag
{
    public long ConversationId { get; set; }

    public long TagId { get; set; }

    public WorkspaceTag? Tag { get; set; }
}
