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
}

/// <summary>Loads messages of one conversation the member may read, as views.</summary>
internal static class MessageViews
{
    public static IQueryable<Message> Readable(this IQueryable<Message> messages, long conversationId, CurrentMember me) =>
        messages.Where(m => m.ConversationId == conversationId && m.DeletedAt == null).Where(ConversationAccess.ReadableBy(me));

    public static IReadOnlyList<MessageView> ToViews(this IEnumerable<MessageRowData> rows, CurrentMember me) =>
        rows.Select(r => new MessageView(
            r.Id, r.AuthorMemberId, r.AuthorName, r.AuthorKind, r.AuthorMemberId == me.MemberId,
            r.Kind == MessageKind.Text ? MessageFormatter.ToHtml(r.Body) : WebUtility.HtmlEncode(SystemText(r.Kind, r.AuthorName, r.SubjectName)),
            r.Visibility, r.CreatedAt, r.Kind)).ToList();

    public static IQueryable<MessageRowData> ToRows(this IQueryable<Message> messages) =>
        messages.Select(m => new MessageRowData(
            m.Id, m.AuthorMemberId, m.Author!.DisplayName, m.Author.Kind, m.Body, m.Visibility, m.CreatedAt,
            m.Kind, m.SubjectMember != null ? m.SubjectMember.DisplayName : null));

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
    string? SubjectName);
