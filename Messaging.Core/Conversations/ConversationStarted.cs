using Messaging.Core.Access;
using Messaging.Core.Common.Events;

namespace Messaging.Core.Conversations;

/// <summary>A conversation was created with its participants, before its first message is appended; saved, not yet committed.</summary>
public sealed record ConversationStarted(Conversation Conversation, CurrentMember StartedBy) : IDomainEvent;

/// <summary>A member joined (<paramref name="Added"/>) or left a conversation by another member's hand; saved, not yet committed.</summary>
public sealed record ParticipantsChanged(Conversation Conversation, long MemberId, bool Added, CurrentMember ChangedBy) : IDomainEvent;
