using Messaging.Core.Access;
using Messaging.Core.Attachments;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Messaging.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Conversations;

public sealed record ThreadHeader(
    long Id,
    string Subject,
    ConversationCategory Category,
    long? ProjectId,
    string? ProjectName,
    ProjectStage? ProjectStage,
    IReadOnlyList<ParticipantView> Participants,
    bool IsParticipant);

public sealed record ParticipantView(long MemberId, string DisplayName, MemberKind Kind, bool IsSubcontractor);

public sealed record ThreadView(ThreadHeader Header, IReadOnlyList<MessageView> Messages, bool HasEarlier);

/// <summary>
/// Opens a conversation the member may see: its header and the newest page of messages, or the page
/// before a given message id ("load earlier"). Unknown and foreign ids are simply not found.
/// </summary>
public sealed class GetThread(MessagingDbContext db, TimeProvider clock)
{
    public const int PageSize = 30;

    public async Task<ThreadView?> HandleAsync(CurrentMember me, long conversationId, long? beforeMessageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var header = await db.Conversations.AsNoTracking().VisibleTo(me)
            .Where(c => c.Id == conversationId)
            .Select(c => new
            {
                c.Id,
                c.Subject,
                c.Category,
                c.ProjectId,
                ProjectName = c.Project != null ? c.Project.Name : null,
                ProjectStage = c.Project != null ? c.Project.Stage : (ProjectStage?)null,
                Participants = c.Participants.OrderBy(p => p.JoinedAt).ThenBy(p => p.MemberId)
                    .Select(p => new ParticipantView(p.MemberId, p.Member!.DisplayName, p.Member.Kind, p.Member.IsSubcontractor)).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (header is null)
        {
            return null;
        }

        var query = db.Messages.AsNoTracking().Readable(conversationId, me);
        if (beforeMessageId is { } before)
        {
            query = query.Where(m => m.Id < before);
        }

        var rows = await query.OrderByDescending(m => m.Id).Take(PageSize + 1).ToRows().ToListAsync(ct);
        var page = await rows.Take(PageSize).Reverse().ToViews(me).WithAttachmentsAsync(db, me, ct).WithChoicesAsync(db, me, clock.GetUtcNow(), ct);

        return new ThreadView(
            new ThreadHeader(
                header.Id,
                header.Subject,
                header.Category,
                header.ProjectId,
                header.ProjectName,
                header.ProjectStage,
                header.Participants,
                header.Participants.Any(p => p.MemberId == me.MemberId)),
            page,
            rows.Count > PageSize);
    }
}
