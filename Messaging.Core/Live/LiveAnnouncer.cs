using Messaging.Core.Data;
using Messaging.Core.Messages;

namespace Messaging.Core.Live;

/// <summary>
/// The one way Core announces a change live: it adds the <see cref="LiveEvent"/> outbox row to the caller's unit
/// of work, saved and committed with the change itself (<see cref="LiveEventNotifier"/> then tells the web nodes).
/// Events carry ids only; who may receive one is decided by its visibility when it is fanned out.
/// </summary>
public sealed class LiveAnnouncer(MessagingDbContext db)
{
    public LiveEvent Announce(
        long workspaceId, long conversationId, long? messageId, string kind, MessageVisibility visibility, long actorMemberId, DateTimeOffset at)
    {
        var live = new LiveEvent
        {
            WorkspaceId = workspaceId,
            ConversationId = conversationId,
            MessageId = messageId,
            Kind = kind,
            Visibility = visibility,
            ActorMemberId = actorMemberId,
            CreatedAt = at,
        };
        db.LiveEvents.Add(live);
        return live;
    }

    /// <summary>Announces a change to one message (sent, edited, deleted) to those who may see it.</summary>
    public LiveEvent AnnounceMessage(Message message, string kind, long actorMemberId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Announce(message.WorkspaceId, message.ConversationId, message.Id, kind, message.Visibility, actorMemberId, at);
    }
}
