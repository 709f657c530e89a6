using System.Linq.Expressions;
using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Export;

/// <summary>A file of an exported message (none for deleted or hidden messages).</summary>
public sealed record ExportAttachment(string FileName, long SizeBytes, string Sha256);

/// <summary>One exported message. <see cref="Body"/> is the text as typed; empty when deleted, the moderator notice when hidden.</summary>
public sealed record ExportMessage(
    long ConversationId,
    string Subject,
    long MessageId,
    DateTimeOffset SentAt,
    string SenderName,
    MemberKind SenderKind,
    MessageVisibility Visibility,
    MessageKind Kind,
    string Body,
    DateTimeOffset? EditedAt,
    bool IsDeleted,
    bool IsHidden,
    IReadOnlyList<ExportAttachment> Attachments)
{
    public bool IsInternal => Visibility == MessageVisibility.StaffOnly;
}

/// <summary>
/// The one query every export reads. Which messages it may contain is decided when the query is built
/// (<see cref="Audience"/>): for a client it is always <c>visibility = 'Everyone'</c> in the SQL, whatever the
/// request says, so an internal note is never even read from the database for a client's export.
/// </summary>
public static class ExportQuery
{
    /// <summary>Which messages an export by <paramref name="me"/> may contain. Internal notes only when staff ask for them.</summary>
    public static Expression<Func<Message, bool>> Audience(CurrentMember me, bool includeInternalNotes)
    {
        ArgumentNullException.ThrowIfNull(me);
        return me.IsStaff && includeInternalNotes
            ? ConversationAccess.ReadableBy(me)
            : m => m.Visibility == MessageVisibility.Everyone;
    }

    /// <summary>The plan's messages, oldest first per conversation, streamed (one SQL query, no buffering).</summary>
    public static IQueryable<ExportMessage> Messages(MessagingDbContext db, CurrentMember me, ExportPlan plan, long? onlyConversation = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        var ids = onlyConversation is { } one ? [one] : plan.Conversations.Select(c => c.Id).ToArray();
        var conversations = db.Conversations.AsNoTracking().VisibleTo(me).Where(c => ids.Contains(c.Id));
        var messages = db.Messages.AsNoTracking().Where(Audience(me, plan.IncludesInternalNotes));
        if (plan.FromUtc is { } from)
        {
            messages = messages.Where(m => m.CreatedAt >= from);
        }

        if (plan.ToUtcExclusive is { } to)
        {
            messages = messages.Where(m => m.CreatedAt < to);
        }

        return conversations
            .Join(messages, c => c.Id, m => m.ConversationId, (c, m) => new { c.Subject, m })
            .OrderBy(x => x.m.ConversationId).ThenBy(x => x.m.Id)
            .Select(x => new ExportMessage(
                x.m.ConversationId,
                x.Subject,
                x.m.Id,
                x.m.CreatedAt,
                x.m.Author!.DisplayName,
                x.m.Author.Kind,
                x.m.Visibility,
                x.m.Kind,
                x.m.DeletedAt != null ? ""
                    : x.m.HiddenAt != null ? MessageViews.HiddenText
                    : x.m.Kind == MessageKind.ParticipantAdded ? x.m.Author.DisplayName + " added " + x.m.SubjectMember!.DisplayName
                    : x.m.Kind == MessageKind.ParticipantRemoved ? x.m.Author.DisplayName + " removed " + x.m.SubjectMember!.DisplayName
                    : x.m.Body,
                x.m.DeletedAt != null ? null : x.m.EditedAt,
                x.m.DeletedAt != null,
                x.m.HiddenAt != null,
                db.Attachments
                    .Where(a => a.MessageId == x.m.Id && a.PurgedAt == null && x.m.DeletedAt == null && x.m.HiddenAt == null)
                    .OrderBy(a => a.Id)
                    .Select(a => new ExportAttachment(a.FileName, a.SizeBytes, a.Sha256))
                    .ToList()));
    }
}
