using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Safety;

public sealed record ReportRow(
    long Id,
    long MessageId,
    long ConversationId,
    string ConversationSubject,
    string AuthorName,
    string ReporterName,
    ReportReason Reason,
    string? Details,
    string Excerpt,
    DateTimeOffset CreatedAt);

/// <summary>The moderation queue: open reports of the Admin's workspace, oldest first. Empty for anyone else.</summary>
public sealed class ListOpenReports(MessagingDbContext db)
{
    public const int Limit = 200;

    public async Task<IReadOnlyList<ReportRow>> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsAdmin)
        {
            return [];
        }

        var rows = await db.MessageReports.AsNoTracking()
            .Where(r => r.WorkspaceId == me.WorkspaceId && r.Status == ReportStatus.Open)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Take(Limit)
            .Select(r => new
            {
                r.Id,
                r.MessageId,
                r.Reason,
                r.Details,
                r.CreatedAt,
                Message = db.Messages.Where(m => m.Id == r.MessageId).Select(m => new
                {
                    m.ConversationId,
                    Subject = db.Conversations.Where(c => c.Id == m.ConversationId).Select(c => c.Subject).First(),
                    Author = m.Author!.DisplayName,
                    m.Body,
                }).First(),
                Reporter = db.Members.Where(x => x.Id == r.ReporterMemberId).Select(x => x.DisplayName).First(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new ReportRow(
            r.Id, r.MessageId, r.Message.ConversationId, r.Message.Subject, r.Message.Author, r.Reporter,
            r.Reason, r.Details, MessageFormatter.Preview(r.Message.Body, 280), r.CreatedAt)).ToList();
    }
}
