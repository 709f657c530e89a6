using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Attachments;
using Messaging.Core.Conversations;
using Messaging.Core.Messages;
using Messaging.Core.Projects;
using Messaging.Core.Search;

namespace Messaging.Web.Api;

/// <summary>Who the token acts as.</summary>
public sealed record ApiMe(long MemberId, long WorkspaceId, string DisplayName, string Kind, string? Role, string Scope);

public sealed record ApiConversation(
    long Id,
    string Subject,
    string Category,
    string? ProjectName,
    IReadOnlyList<string> Participants,
    string? LastAuthor,
    string? LastPreview,
    DateTimeOffset LastActivityAt,
    int UnreadCount,
    bool IsArchived,
    bool IsMuted)
{
    public static ApiConversation From(ConversationRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id, row.Subject, row.Category.ToString(), row.ProjectName, row.ParticipantNames, row.LastAuthor, row.LastPreview,
            row.LastActivityAt, row.UnreadCount, row.IsArchived, row.IsMuted);
    }
}

/// <summary>One page of conversations; <see cref="NextPage"/> is null on the last.</summary>
public sealed record ApiConversationPage(IReadOnlyList<ApiConversation> Items, int Page, int? NextPage);

public sealed record ApiParticipant(long MemberId, string DisplayName, string Kind);

public sealed record ApiConversationDetails(
    long Id,
    string Subject,
    string Category,
    long? ProjectId,
    string? ProjectName,
    string? ProjectStage,
    IReadOnlyList<ApiParticipant> Participants,
    bool IsParticipant)
{
    public static ApiConversationDetails From(ThreadHeader h)
    {
        ArgumentNullException.ThrowIfNull(h);
        return new(h.Id, h.Subject, h.Category.ToString(), h.ProjectId, h.ProjectName, h.ProjectStage?.ToString(),
            h.Participants.Select(p => new ApiParticipant(p.MemberId, p.DisplayName, p.Kind.ToString())).ToList(), h.IsParticipant);
    }
}

public sealed record ApiAttachment(long Id, long MessageId, string FileName, string Category, long SizeBytes, string Url)
{
    public static ApiAttachment From(AttachmentView a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.MessageId, a.FileName, a.Category.ToString(), a.SizeBytes, ApiProblems.Base + "/attachments/" + a.Id.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>A message; <see cref="BodyHtml"/> is the same safe HTML the thread shows (Markdown subset, raw HTML never passed through).</summary>
public sealed record ApiMessage(
    long Id,
    long ConversationId,
    long AuthorMemberId,
    string AuthorName,
    string AuthorKind,
    string BodyHtml,
    string Visibility,
    string Kind,
    string Priority,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    bool IsDeleted,
    bool IsHidden,
    long? ReplyToId,
    IReadOnlyList<ApiAttachment> Attachments)
{
    public static ApiMessage From(MessageView m, long conversationId)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.Id, conversationId, m.AuthorMemberId, m.AuthorName, m.AuthorKind.ToString(), m.BodyHtml, m.Visibility.ToString(), m.Kind.ToString(),
            m.Priority.ToString(), m.CreatedAt, m.EditedAt, m.IsDeleted, m.IsHidden, m.ReplyTo?.MessageId, m.Attachments.Select(ApiAttachment.From).ToList());
    }
}

/// <summary>
/// Messages oldest first. <see cref="Before"/> is the cursor for the page of earlier messages (null when there are none);
/// <see cref="After"/> the cursor to ask for newer ones later (the newest id here).
/// </summary>
public sealed record ApiMessagePage(IReadOnlyList<ApiMessage> Items, long? Before, long? After);

/// <summary>What a send takes as JSON (the same fields go in a multipart body with files).</summary>
public sealed record ApiSendMessage(string? Body, long? ReplyToId, bool Urgent);

public sealed record ApiSearchHit(long MessageId, long ConversationId, string ConversationSubject, string AuthorName, DateTimeOffset CreatedAt, string SnippetHtml)
{
    public static IEnumerable<ApiSearchHit> From(SearchGroup g)
    {
        ArgumentNullException.ThrowIfNull(g);
        return g.Hits.Select(h => new ApiSearchHit(h.MessageId, h.ConversationId, g.Subject, h.AuthorName, h.CreatedAt, h.SnippetHtml));
    }
}

public sealed record ApiSearchPage(IReadOnlyList<ApiSearchHit> Items, int Page, int? NextPage, IReadOnlyList<string> Warnings);

public sealed record ApiProject(long Id, string Name, string Stage, string? ContactState, long? ConversationId)
{
    public static ApiProject From(ProjectRow p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.Name, p.Stage.ToString(), null, null);
    }

    public static ApiProject From(MyProject p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.Name, p.Stage.ToString(), p.State.ToString(), p.ThreadConversationId);
    }
}

public sealed record ApiProjectDetails(long Id, string Name, string Stage, IReadOnlyList<ApiParticipant> Contacts, IReadOnlyList<ApiParticipant> Team, IReadOnlyList<long> ConversationIds)
{
    public static ApiProjectDetails From(ProjectDetails p)
    {
        ArgumentNullException.ThrowIfNull(p);
        static ApiParticipant Person(ProjectPerson x) => new(x.MemberId, x.DisplayName, x.Kind.ToString());
        return new(p.Id, p.Name, p.Stage.ToString(), p.Contacts.Select(Person).ToList(), p.Team.Select(Person).ToList(), p.Threads.Select(t => t.ConversationId).ToList());
    }
}

internal static class ApiMemberText
{
    public static ApiMe Describe(CurrentMember me, string scope) =>
        new(me.MemberId, me.WorkspaceId, me.DisplayName, me.Kind.ToString(), me.Role?.ToString(), scope);
}
