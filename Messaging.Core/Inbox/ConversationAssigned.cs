using Messaging.Core.Common.Events;

namespace Messaging.Core.Inbox;

/// <summary>
/// A conversation was assigned to <paramref name="AssigneeMemberId"/> (null: the assignment was cleared), by hand or
/// by round-robin (then <paramref name="AssignedByMemberId"/> is the assignee), with the staff-only line
/// <paramref name="LineMessageId"/> that records it. Saved, not yet committed.
/// </summary>
public sealed record ConversationAssigned(
    long WorkspaceId, long ConversationId, long? AssigneeMemberId, long AssignedByMemberId, long LineMessageId, DateTimeOffset At) : IDomainEvent;
