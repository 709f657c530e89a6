using Messaging.Core.Messages;

namespace Messaging.Core.Live;

/// <summary>
/// An outbox row for the event stream, written in the same transaction as the change it announces.
/// Its id is the SSE event id; a reconnecting browser is replayed everything after its Last-Event-ID.
/// Events carry ids only, never content: the browser fetches the fragment through the normal, access-checked handlers.
/// </summary>
public sealed class LiveEvent
{
    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public long ConversationId { get; set; }

    public long? MessageId { get; set; }

    public required string Kind { get; set; }

    public MessageVisibility Visibility { get; set; }

    public long ActorMemberId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
