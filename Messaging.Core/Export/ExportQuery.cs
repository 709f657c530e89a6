using System.Linq.Expressions;
using System.Runtime.CompilerServices;
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

    /// <summary>The plan's messages, oldest first per conversation, as one SQL query (stream it with <see cref="StreamAsync"/>).</summary>
    public static IQueryable<ExportRow> Rows(MessagingDbContext db, CurrentMember me, ExportPlan plan, long? onlyConversation = null)
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

        // (CA1305 off: ToString() here is translated to SQL, where the culture does not apply.)
#pragma warning disable CA1305
        // Files come as one aggregated text column per message (string_agg in a correlated subquery on
        // ix_attachments_message_id): a collection projection would make EF sort and buffer the whole result.
        return conversations
            .Join(messages, c => c.Id, m => m.ConversationId, (c, m) => new { c.Subject, m })
            .OrderBy(x => x.m.ConversationId).ThenBy(x => x.m.Id)
            .Select(x => new ExportRow(
                x.m.ConversationId,
                x.Subject,
                x.m.Id,
                x.m.CreatedAt,
                x.m.Kind == MessageKind.System ? ExportRow.SystemSender : x.m.Author!.DisplayName,
                x.m.Author!.Kind,
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
                x.m.DeletedAt != null || x.m.HiddenAt != null ? null : string.Join(
                    ExportRow.FileSeparator,
                    db.Attachments
                        .Where(a => a.MessageId == x.m.Id && a.PurgedAt == null)
                        .OrderBy(a => a.Id)
                        .Select(a => a.Sha256 + ExportRow.FieldSeparator + a.SizeBytes.ToString() + ExportRow.FieldSeparator + a.FileName))));
#pragma warning restore CA1305
    }

    /// <summary>Streams rows as messages, one at a time, without buffering the result.</summary>
    public static async IAsyncEnumerable<ExportMessage> StreamAsync(this IQueryable<ExportRow> rows, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return row.ToMessage();
        }
    }

    public static async Task<List<ExportMessage>> ToMessagesAsync(this IQueryable<ExportRow> rows, CancellationToken ct) =>
        (await rows.ToListAsync(ct)).Select(r => r.ToMessage()).ToList();
}

/// <summary>A message as the export query reads it; <see cref="Files"/> is "sha·size·name" per file, joined.</summary>
public sealed record ExportRow(
    long ConversationId, string Subject, long MessageId, DateTimeOffset SentAt, string SenderName, MemberKind SenderKind,
    MessageVisibility Visibility, MessageKind Kind, string Body, DateTimeOffset? EditedAt, bool IsDeleted, bool IsHidden, string? Files)
{
    /// <summary>The sender a system message is exported with: the portal, never the person who set it off.</summary>
    public const string SystemSender = "System";

    public const string FileSeparator = "\u001e";
    public const string FieldSeparator = "\u001f";

    public ExportMessage ToMessage() => new(
        ConversationId, Subject, MessageId, SentAt, SenderName, SenderKind, Visibility, Kind, Body, EditedAt, IsDeleted, IsHidden,
        string.IsNullOrEmpty(Files) ? [] : Files.Split(FileSeparator).Select(ParseFile).ToList());

    private static ExportAttachment ParseFile(string file)
    {
        var parts = file.Split(FieldSeparator, 3);
        return new ExportAttachment(parts[2], long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), parts[0]);
    }
}
