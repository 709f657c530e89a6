using Messaging.Core.Common.Events;
using Messaging.Core.Inbox;
using Messaging.Core.Messages;

namespace Messaging.Core.Live;

/// <summary>
/// Inbox changes are announced to staff only (events carry ids, never content): an assignment tells the assignee
/// (<see cref="InboxRules.AssignedEvent"/>); clearing it, a status change or a tag makes inbox lists and counts refresh
/// (<see cref="InboxRules.ChangedEvent"/>).
/// </summary>
public sealed class AnnounceInboxChanges(LiveAnnouncer live)
    : IDomainEventHandler<ConversationAssigned>, IDomainEventHandler<ConversationStatusChanged>, IDomainEventHandler<ConversationTagged>
{
    public Task HandleAsync(ConversationAssigned domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        live.Announce(domainEvent.WorkspaceId, domainEvent.ConversationId, domainEvent.LineMessageId,
            domainEvent.AssigneeMemberId is null ? InboxRules.ChangedEvent : InboxRules.AssignedEvent,
            MessageVisibility.StaffOnly, domainEvent.AssignedByMemberId, domainEvent.At);
        return Task.CompletedTask;
    }

    public Task HandleAsync(ConversationStatusChanged domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        live.Announce(domainEvent.Conversation.WorkspaceId, domainEvent.Conversation.Id, null, InboxRules.ChangedEvent,
            MessageVisibility.StaffOnly, domainEvent.ChangedByMemberId, domainEvent.At);
        return Task.CompletedTask;
    }

    public Task HandleAsync(ConversationTagged domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        live.Announce(domainEvent.Conversation.WorkspaceId, domainEvent.Conversation.Id, null, InboxRules.ChangedEvent,
            MessageVisibility.StaffOnly, domainEvent.TaggedByMemberId, domainEvent.At);
        return Task.CompletedTask;
    }
}
