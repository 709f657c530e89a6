using Messaging.Core.Access;
using Messaging.Core.Common.Events;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.ConversationState;

/// <summary>
/// A new message brings an archived or "deleted for me" conversation back to the list of every
/// participant who can read it (an internal note only for staff). Runs inside the transaction that
/// stores the message (a <see cref="MessageAppended"/> handler), so the message and the revival commit together.
/// </summary>
public sealed class ConversationRevival(MessagingDbContext db) : IDomainEventHandler<MessageAppended>
{
    public async Task HandleAsync(MessageAppended domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (domainEvent.IsText)
        {
            await ReviveAsync(domainEvent.Conversation.Id, domainEvent.Message.Visibility, ct);
        }
    }

    private Task<int> ReviveAsync(long conversationId, MessageVisibility visibility, CancellationToken ct)
    {
        return db.Participants
            .Where(p => p.ConversationId == conversationId && (p.IsArchived || p.HiddenAt != null))
            .Where(p => visibility == MessageVisibility.Everyone || p.Member!.Kind == MemberKind.Staff)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsArchived, false).SetProperty(p => p.HiddenAt, (DateTimeOffset?)null), ct);
    }
}
