using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Safety;

/// <summary>A message as the report form shows it: who wrote it, where, and a short excerpt (none once hidden).</summary>
public sealed record ReportableMessage(long MessageId, long ConversationId, string ConversationSubject, string AuthorName, string? Excerpt, bool IsHidden);

/// <summary>
/// The message a member may report: one they can read (visible conversation, internal notes only for
/// staff, not deleted) written by someone else. Anything else is not found, so a client learns nothing
/// about internal notes or other people's threads from a report URL.
/// </summary>
public sealed class GetReportableMessage(MessagingDbContext db)
{
    public async Task<ReportableMessage?> HandleAsync(CurrentMember me, long messageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var visible = db.Conversations.AsNoTracking().VisibleTo(me);
        var row = await db.Messages.AsNoTracking()
            .Where(m => m.Id == messageId && m.DeletedAt == null && m.AuthorMemberId != me.MemberId)
            .Where(ConversationAccess.ReadableBy(me))
            .Join(visible, m => m.ConversationId, c => c.Id, (m, c) => new
            {
                m.Id,
                m.ConversationId,
                c.Subject,
                Author = m.Author!.DisplayName,
                Body = m.HiddenAt == null ? m.Body : null,
            })
            .SingleOrDefaultAsync(ct);
        return row is null
            ? null
            : new ReportableMessage(row.Id, row.ConversationId, row.Subject, row.Author, row.Body is null ? null : MessageFormatter.Preview(row.Body, 280), row.Body is null);
    }
}
