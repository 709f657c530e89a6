using Messaging.Core.Common.Events;
using Messaging.Core.Conversations;

namespace Messaging.Core.Inbox;

/// <summary>A tag was put on (<paramref name="Added"/>) or taken off a conversation; saved, not yet committed.</summary>
public sealed record ConversationTagged(Conversation Conversation, long TagId, bool Added, long TaggedByMemberId, DateTimeOffset At) : IDomainEvent;
