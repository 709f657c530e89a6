using Messaging.Core.Common.Events;
using Messaging.Core.Conversations;

namespace Messaging.Core.Inbox;

/// <summary>A conversation's inbox status changed (open, waiting on client, closed...); saved, not yet committed.</summary>
public sealed record ConversationStatusChanged(Conversation Conversation, ConversationStatus Status, long ChangedByMemberId, DateTimeOffset At) : IDomainEvent;
