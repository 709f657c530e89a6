using Messaging.Core.Access;
using NpgsqlTypes;

namespace Messaging.Core.Messages;

public enum MessageVisibility
{
    Everyone,

    /// <summary>An internal note: staff only, never sent to a client by any path.</summary>
    StaffOnly,
}

/// <summary>What a message is: something a person wrote, or a line the thread records about itself.</summary>
public enum MessageKind
{
    Text,

    /// <summary>"Author added Subject": the author added the subject member to the conversation.</summary>
    ParticipantAdded,

    /// <summary>"Author removed Subject".</summary>
    ParticipantRemoved,

    /// <summary>"Author assigned Subject" (issue 9): staff only.</summary>
    Assigned,

    /// <summary>"Author unassigned the conversation": staff only.</summary>
    Unassigned,

    /// <summary>"Assigned automatically to Subject" (project round-robin): staff only.</summary>
    AutoAssigned,

    /// <summary>The workspace's out-of-office text, sent on behalf of an absent assignee when the workspace turned it on.</summary>
    OutOfOffice,

    /// <summary>
    /// A system message: an announcement the portal itself makes in the thread (a project's welcome, stage, checklist,
    /// milestone and payment changes, reminders). Its body is plain text written only from what everyone in the thread
    /// may know; it is never shown as from a person and never edited. <see cref="Message.AuthorMemberId"/> is who set it
    /// off (for the record), not its author.
    /// </summary>
    System,
}

/// <summary>How a message reached the thread: typed in the app, a reply by email ("via email"), a text message, or the REST API.</summary>
public enum MessageChannel
{
    App,
    Email,
    Sms,
    Api,
}

public sealed class Message
{
    public const int MaxBodyLength = 10_000;

    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public long ConversationId { get; set; }

    public long AuthorMemberId { get; set; }

    public Member? Author { get; set; }

    /// <summary>Markdown subset as typed; rendered to safe HTML on display.</summary>
    public required string Body { get; set; }

    public MessageVisibility Visibility { get; set; }

    public MessageKind Kind { get; set; }

    /// <summary>For participant changes: who was added or removed.</summary>
    public long? SubjectMemberId { get; set; }

    public Member? SubjectMember { get; set; }

    public long? ReplyToId { get; set; }

    /// <summary>The message this one answers (quoted above it); null when it was not a reply or the original is gone.</summary>
    public Message? ReplyTo { get; set; }

    public MessagePriority Priority { get; set; }

    public MessageChannel Channel { get; set; }

    /// <summary>The participants this message mentions (<c>@name</c>); what the notifier reads.</summary>
    public List<MessageMention> Mentions { get; set; } = [];

    /// <summary>The project items the body refers to with <c>#D12</c> / <c>#M3</c> (migration 0034).</summary>
    public List<MessageItemReference> ItemReferences { get; set; } = [];

    /// <summary>Earlier versions of the body, one per edit (staff see them).</summary>
    public List<MessageEdit> Edits { get; set; } = [];

    /// <summary>Chosen by the sending form, so a retried or double-clicked send stores one message.</summary>
    public Guid? IdempotencyKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? EditedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>Set when an Admin hides the message after a report: every reader then sees "hidden by a moderator", never the body.</summary>
    public DateTimeOffset? HiddenAt { get; set; }

    /// <summary>The names of the message's files, one a line: kept by a trigger on attachments (migration 0009) so they are searchable.</summary>
    public string AttachmentNames { get; set; } = string.Empty;

    /// <summary>Body and file names as a tsvector (english), computed by PostgreSQL in the statement that stores the message; empty once deleted.</summary>
    public NpgsqlTsVector SearchVector { get; set; } = null!;
}
