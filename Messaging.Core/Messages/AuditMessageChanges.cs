using System.Globalization;
using Messaging.Core.Audit;
using Messaging.Core.Common.Events;

namespace Messaging.Core.Messages;

/// <summary>
/// The audit trail of messages: every text message sent (lines the thread tells about itself are audited by the
/// change they record), edited or deleted. A retried idempotent send appends nothing, so it adds no second entry.
/// </summary>
public sealed class AuditMessageChanges(AuditLog audit)
    : IDomainEventHandler<MessageAppended>, IDomainEventHandler<MessageEdited>, IDomainEventHandler<MessageDeleted>
{
    public Task HandleAsync(MessageAppended domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var message = domainEvent.Message;
        if (domainEvent.IsText)
        {
            audit.Record(message.WorkspaceId, message.AuthorMemberId, AuditActions.MessageSend, "message", Id(message),
                string.Create(CultureInfo.InvariantCulture,
                    $"conversation {message.ConversationId}{(message.Visibility == MessageVisibility.StaffOnly ? ", internal note" : "")}"));
        }

        return Task.CompletedTask;
    }

    public Task HandleAsync(MessageEdited domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var message = domainEvent.Message;
        audit.Record(domainEvent.Editor, AuditActions.MessageEdit, "message", Id(message),
            string.Create(CultureInfo.InvariantCulture, $"conversation {message.ConversationId}"));
        return Task.CompletedTask;
    }

    public Task HandleAsync(MessageDeleted domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var message = domainEvent.Message;
        var me = domainEvent.DeletedBy;
        audit.Record(me, AuditActions.MessageDelete, "message", Id(message),
            string.Create(CultureInfo.InvariantCulture,
                $"conversation {message.ConversationId}{(message.AuthorMemberId == me.MemberId ? "" : $", written by member {message.AuthorMemberId}")}"));
        return Task.CompletedTask;
    }

    private static string Id(Message message) => message.Id.ToString(CultureInfo.InvariantCulture);
}
