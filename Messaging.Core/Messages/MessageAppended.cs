using Messaging.Core.Access;
using Messaging.Core.Common.Events;
using Messaging.Core.Conversations;

namespace Messaging.Core.Messages;

/// <summary>
/// A message was added to a conversation and saved (it has its id), inside the writer's transaction: a text
/// message, an internal note, or a line the thread tells about itself (assignments, participants, out-of-office).
/// <paramref name="AuthorKind"/> is the kind of member it is written as (the out-of-office line is written as the staff assignee).
/// </summary>
public sealed record MessageAppended(Conversation Conversation, Message Message, MemberKind AuthorKind) : IDomainEvent
{
    /// <summary>Written by a person (not a line the thread tells about itself).</summary>
    public bool IsText => Message.Kind == MessageKind.Text;

    /// <summary>A text message from a client, visible to everyone in the thread.</summary>
    public bool IsClientMessage => IsText && AuthorKind == MemberKind.Client && Message.Visibility == MessageVisibility.Everyone;
}

/// <summary>A message's body was changed by <paramref name="Editor"/>; saved, not yet committed.</summary>
public sealed record MessageEdited(Message Message, CurrentMember Editor) : IDomainEvent;

/// <summary>A message was deleted by <paramref name="DeletedBy"/> (its body is gone); saved, not yet committed.</summary>
public sealed record MessageDeleted(Message Message, CurrentMember DeletedBy) : IDomainEvent;
