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

    /// <summary>An Admin hid the message after a report: <see cref="BodyHtml"/> then only says so.</summary>
    public bool IsHidden { get; init; }

    /// <summary>Whether the author is an Admin (who can't be blocked).</summary>
    public bool AuthorIsAdmin { get; init; }

    /// <summary>The message's files (see <see cref="Attachments.AttachmentViews"/>); none for hidden messages.</summary>
    public IReadOnlyList<Attachments.AttachmentView> Attachments { get; init; } = [];
}

/// <summary>Loads messages of one conversation the member may read, as views.</summary>
internal static class MessageViews
{
    public static IQueryable<Message> Readable(this IQueryable<Message> messages, long conversationId, CurrentMember me) =>
        messages.Where(m => m.ConversationId == conversationId && m.DeletedAt == null).Where(ConversationAccess.ReadableBy(me));

    /// <summary>What a hidden message shows in place of its body, on every path.</summary>
    public const string HiddenText = "This message was hidden by a moderator.";

    public static IReadOnlyList<MessageView> ToViews(this IEnumerable<MessageRowData> rows, CurrentMember me) =>
        rows.Select(r => new MessageView(
            r.Id, r.AuthorMemberId, r.AuthorName, r.AuthorKind, r.AuthorMemberId == me.MemberId,
            r.IsHidden ? $"<p class=\"msg-hidden\" data-testid=\"message-hidden\">{HiddenText}</p>"
            : r.Kind == MessageKind.Text ? MessageFormatter.ToHtml(r.Body)
            : WebUtility.HtmlEncode(SystemText(r.Kind, r.AuthorName, r.SubjectName)),
            r.Visibility, r.CreatedAt, r.Kind)
        {
            IsHidden = r.IsHidden,
            AuthorIsAdmin = r.AuthorRole == StaffRole.Admin,
        }).ToList();

    public static IQueryable<MessageRowData> ToRows(this IQueryable<Message> messages) =>
        messages.Select(m => new MessageRowData(
            m.Id, m.AuthorMemberId, m.Author!.DisplayName, m.Author.Kind, m.HiddenAt == null ? m.Body : "", m.Visibility, m.CreatedAt,
            m.Kind, m.SubjectMember != null ? m.SubjectMember.DisplayName : null)
        {
            IsHidden = m.HiddenAt != null,
            AuthorRole = m.Author.Role,
        });

    /// <summary>The plain text of a participant change, for the thread and for list previews.</summary>
    public static string SystemText(MessageKind kind, string authorName, string? subjectName) => kind switch
    {
        MessageKind.ParticipantAdded => $"{authorName} added {subjectName}",
        MessageKind.ParticipantRemoved => $"{authorName} removed {subjectName}",
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
}
