namespace Messaging.Core.Inbox;

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
