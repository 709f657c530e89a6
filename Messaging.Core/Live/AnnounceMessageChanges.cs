using Messaging.Core.Common.Events;
using Messaging.Core.Messages;

namespace Messaging.Core.Live;

/// <summary>Every appended, edited or deleted message is announced live to those who may read it (an internal note to staff only).</summary>
public sealed class AnnounceMessageChanges(LiveAnnouncer live, TimeProvider clock)
    : IDomainEventHandler<MessageAppended>, IDomainEventHandler<MessageEdited>, IDomainEventHandler<MessageDeleted>
{
    public Task HandleAsync(MessageAppended domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        live.AnnounceMessage(domainEvent.Message, LiveEventKinds.Message, domainEvent.Message.AuthorMemberId, domainEvent.Message.CreatedAt);
        return Task.CompletedTask;
    }

    public Task HandleAsync(MessageEdited domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        live.AnnounceMessage(domainEvent.Message, LiveEventKinds.MessageEdited, domainEvent.Editor.MemberId, domainEvent.Message.EditedAt ?? clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task HandleAsync(MessageDeleted domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        live.AnnounceMessage(domainEvent.Message, LiveEventKinds.MessageDeleted, domainEvent.DeletedBy.MemberId, domainEvent.Message.DeletedAt ?? clock.GetUtcNow());
        return Task.CompletedTask;
    }
}
