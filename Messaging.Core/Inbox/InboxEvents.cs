using Messaging.Core.Common.Events;
using Messaging.Core.Conversations;

namespace Messaging.Core.Inbox;

/// <summary>
/// A conversation was assigned to <paramref name="AssigneeMemberId"/> (null: the assignment was cleared), by hand or
/// by round-robin (then <paramref name="AssignedByMemberId"/> is the assignee), with the staff-only line
/// <paramref name="LineMessageId"/> that records it. Saved, not yet committed.
/// </summary>
public sealed record ConversationAssigned(
    long WorkspaceId, long ConversationId, long? AssigneeMemberId, long AssignedByMemberId, long LineMessageId, DateTimeOffset At) : IDomainEvent;

/// <summary>A conversation's inbox status changed (open, waiting on client, closed...); saved, not yet committed.</summary>
public sealed record ConversationStatusChanged(Conversation Conversation, ConversationStatus Status, long ChangedByMemberId, DateTimeOffset At) : IDomainEvent;

/// <summary>A tag was put on (<paramref name="Added"/>) or taken off a conversation; saved, not yet committed.</summary>
public sealed record ConversationTagged(Conversation Conversation, long TagId, bool Added, long TaggedByMemberId, DateTimeOffset At) : IDomainEvent;
