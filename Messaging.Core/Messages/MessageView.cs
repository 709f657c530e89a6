using System.Net;
using Messaging.Core.Access;

namespace Messaging.Core.Messages;

/// <summary>A message as a page shows it; <see cref="BodyHtml"/> is already safe HTML.</summary>
public sealed record MessageView(
    long Id,
    long AuthorMemberId,
    string AuthorName,
    MemberKind AuthorKind,
    bool IsMine,
    string BodyHtml,
    MessageVisibility Visibility,
    DateTimeOffset CreatedAt,
    MessageKind Kind = MessageKind.Text)
{
    /// <summary>A line the thread records about itself ("X added Y"), shown centred without an author header.</summary>
    public bool IsSystem => Kind != MessageKind.Text;

    /// <summary>A system message (<see cref="MessageKind.System"/>): an announcement of the portal, from no person.</summary>
    public bool IsAnnouncement => Kind == MessageKind.System;

    /// <summary>An Admin hid the message after a report: <see cref="BodyHtml"/> then only says so.</summary>
    public bool IsHidden { get; init; }

    /// <summary>Whether the author is an Admin (who can't be blocked).</summary>
    public bool AuthorIsAdmin { get; init; }

    public MessagePriority Priority { get; init; }

    /// <summary>Email when the message is a reply to a notification email (shown as "via email").</summary>
    public MessageChannel Channel { get; init; }

    /// <summary>When the author last edited it; "edited" is shown when set.</summary>
    public DateTimeOffset? EditedAt { get; init; }

    /// <summary>Deleted: <see cref="BodyHtml"/> only says so, and the body is gone from the database.</summary>
    public bool IsDeleted { get; init; }

    /// <summary>The message this one answers, as a quote that links to it.</summary>
    public MessageQuote? ReplyTo { get; init; }

    /// <summary>The body as typed, only for the reader's own live messages (to fill the edit form); null otherwise.</summary>
    public string? OwnBody { get; init; }

    /// <summary>Whether the reader is among the people this message mentions.</summary>
    public bool MentionsMe { get; init; }

    /// <summary>Whether the reader may report it (not their own, not already hidden).</summary>
    public bool CanReport { get; init; }

    /// <summary>Reply, edit, delete and history for the signed-in member (<see cref="MessageChoiceLoader"/>); none until loaded.</summary>
    public MessageChoices Choices { get; init; } = MessageChoices.None;

    /// <summary>Whether the reader may block its author (see <see cref="Safety.ContactRules.CanBlock"/>).</summary>
    public bool CanBlock { get; init; }

    /// <summary>The message's files (see <see cref="Attachments.AttachmentViews"/>); none for hidden messages.</summary>
    public IReadOnlyList<Attachments.AttachmentView> Attachments { get; init; } = [];
}

/// <summary>
/// A quote of the message replied to. <see cref="Excerpt"/> is null when the reader may not see it
/// (deleted, hidden, or an internal note quoted to a client): the quote then only says it is unavailable.
/// </summary>
public sealed record MessageQuote(long MessageId, string? AuthorName, string? Excerpt)
{
    public const string UnavailableText = "Original message unavailable";

    public const int ExcerptLength = 140;
}

/// <summary>Loads messages of one conversation the member may read, as views.</summary>
internal static class MessageViews
{
    /// <summary>Messages of the conversation the member may read. Deleted ones are included (their body is gone): the thread shows "message deleted" in their place.</summary>
    public static IQueryable<Message> Readable(this IQueryable<Message> messages, long conversationId, CurrentMember me) =>
        messages.Where(m => m.ConversationId == conversationId).Where(ConversationAccess.ReadableBy(me));

    /// <summary>What a hidden message shows in place of its body, on every path.</summary>
    public const string HiddenText = "This message was hidden by a moderator.";

    /// <summary>What a deleted message shows, to everyone.</summary>
    public const string DeletedText = "Message deleted";

    public static IReadOnlyList<MessageView> ToViews(this IEnumerable<MessageRowData> rows, CurrentMember me) =>
        rows.Select(r => new MessageView(
            r.Id, r.AuthorMemberId, r.AuthorName, r.AuthorKind, r.AuthorMemberId == me.MemberId,
            r.IsDeleted ? $"<p class=\"msg-deleted\" data-testid=\"message-deleted\">{DeletedText}</p>"
            : r.IsHidden ? $"<p class=\"msg-hidden\" data-testid=\"message-hidden\">{HiddenText}</p>"
            : r.Kind == MessageKind.Text ? MessageFormatter.ToHtml(r.Body, r.Mentions, r.References, me.MemberId)
            : r.Kind == MessageKind.System ? WebUtility.HtmlEncode(r.Body)
            : WebUtility.HtmlEncode(r.Kind == MessageKind.OutOfOffice ? $"Automatic reply for {r.AuthorName}: {r.Body}" : SystemText(r.Kind, r.AuthorName, r.SubjectName)),
            r.Visibility, r.CreatedAt, r.Kind)
        {
            IsHidden = r.IsHidden,
            AuthorIsAdmin = r.AuthorRole == StaffRole.Admin,
            Priority = r.Priority,
            Channel = r.Channel,
            EditedAt = r.IsDeleted ? null : r.EditedAt,
            IsDeleted = r.IsDeleted,
            // An internal note quoted in a public reply is not even mentioned to a client.
            ReplyTo = r.ReplyTo is not { } q || (q.Visibility == MessageVisibility.StaffOnly && !me.IsStaff) ? null
                : q.Unavailable ? new MessageQuote(q.MessageId, null, null)
                : new MessageQuote(q.MessageId, q.AuthorName, MessageFormatter.Preview(q.Body, MessageQuote.ExcerptLength)),
            OwnBody = r.AuthorMemberId == me.MemberId && r.Kind == MessageKind.Text && !r.IsDeleted && !r.IsHidden ? r.Body : null,
            MentionsMe = r.Mentions.Any(m => m.MemberId == me.MemberId),
            CanReport = r.AuthorMemberId != me.MemberId && !r.IsHidden,
            CanBlock = r.AuthorMemberId != me.MemberId && Safety.ContactRules.CanBlock(me, r.AuthorKind, r.AuthorRole),
        }).ToList();

    public static IQueryable<MessageRowData> ToRows(this IQueryable<Message> messages) =>
        messages.Select(m => new MessageRowData(
            m.Id, m.AuthorMemberId, m.Author!.DisplayName, m.Author.Kind, m.HiddenAt == null && m.DeletedAt == null ? m.Body : "", m.Visibility, m.CreatedAt,
            m.Kind, m.SubjectMember != null ? m.SubjectMember.DisplayName : null)
        {
            IsHidden = m.HiddenAt != null,
            AuthorRole = m.Author.Role,
            Priority = m.Priority,
            Channel = m.Channel,
            EditedAt = m.EditedAt,
            IsDeleted = m.DeletedAt != null,
            ReplyTo = m.ReplyTo == null ? null : new QuoteRowData(
                m.ReplyTo.Id,
                m.ReplyTo.Author!.DisplayName,
                m.ReplyTo.Visibility,
                m.ReplyTo.DeletedAt != null || m.ReplyTo.HiddenAt != null,
                m.ReplyTo.DeletedAt == null && m.ReplyTo.HiddenAt == null ? m.ReplyTo.Body.Substring(0, MessageQuote.ExcerptLength + 1) : ""),
            Mentions = m.Mentions.Select(x => new MentionCandidate(x.MemberId, x.Member!.DisplayName)).ToList(),
            References = m.ItemReferences.Select(x => new ItemReferenceView(x.Token, x.Deliverable != null ? x.Deliverable.Title : x.Milestone!.Title)).ToList(),
        });

    /// <summary>The plain text of a participant change, for the thread and for list previews.</summary>
    public static string SystemText(MessageKind kind, string authorName, string? subjectName) => kind switch
    {
        MessageKind.ParticipantAdded => $"{authorName} added {subjectName}",
        MessageKind.ParticipantRemoved => $"{authorName} removed {subjectName}",
        MessageKind.Assigned when subjectName == authorName => $"{authorName} took this conversation",
        MessageKind.Assigned => $"{authorName} assigned {subjectName}",
        MessageKind.Unassigned => $"{authorName} unassigned this conversation",
        MessageKind.AutoAssigned => $"Assigned automatically to {subjectName}",
        _ => string.Empty,
    };
}

internal sealed record MessageRowData(
    long Id,
    long AuthorMemberId,
    string AuthorName,
    MemberKind AuthorKind,
    string Body,
    MessageVisibility Visibility,
    DateTimeOffset CreatedAt,
    MessageKind Kind,
    string? SubjectName)
{
    /// <summary>Hidden by a moderator: the body was not even loaded.</summary>
    public bool IsHidden { get; init; }

    public StaffRole? AuthorRole { get; init; }

    public MessagePriority Priority { get; init; }

    public MessageChannel Channel { get; init; }

    public DateTimeOffset? EditedAt { get; init; }

    public bool IsDeleted { get; init; }

    public QuoteRowData? ReplyTo { get; init; }

    public IReadOnlyList<MentionCandidate> Mentions { get; init; } = [];

    public IReadOnlyList<ItemReferenceView> References { get; init; } = [];
}

/// <summary>The replied-to message as loaded: its body only when it is neither deleted nor hidden (shortened).</summary>
internal sealed record QuoteRowData(long MessageId, string AuthorName, MessageVisibility Visibility, bool Unavailable, string Body);
