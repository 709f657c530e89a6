using Messaging.Core.Access;
using Messaging.Core.Common.Events;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

/// <summary>
/// What a new message does to a conversation's status and response times, inside the writer's
/// transaction (a <see cref="MessageAppended"/> handler, for text messages). Internal notes change nothing.
/// A client message reopens the conversation (then <see cref="AutoAssignment"/> and <see cref="OutOfOffice"/> react to it);
/// a staff reply records how long the client waited and, unless the workspace turned it off, sets the conversation to "waiting on client".
/// </summary>
public sealed class ConversationWorkflow(MessagingDbContext db) : IDomainEventHandler<MessageAppended>
{
    public async Task HandleAsync(MessageAppended domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var (conversation, message) = (domainEvent.Conversation, domainEvent.Message);
        if (!domainEvent.IsText || message.Visibility != MessageVisibility.Everyone)
        {
            return;
        }

        if (domainEvent.AuthorKind != MemberKind.Staff)
        {
            conversation.Status = ConversationStatus.Open;
            return;
        }

        await RecordResponseAsync(db, message.AuthorMemberId, conversation, message, ct);
        if (conversation.Status == ConversationStatus.Open
            && await db.Workspaces.Where(w => w.Id == conversation.WorkspaceId).Select(w => w.StaffReplySetsWaiting).SingleAsync(ct))
        {
            conversation.Status = ConversationStatus.WaitingOnClient;
        }
    }

    private static async Task RecordResponseAsync(MessagingDbContext db, long responderMemberId, Conversation conversation, Message reply, CancellationToken ct)
    {
        var thread = db.Messages.AsNoTracking().Where(m =>
            m.ConversationId == conversation.Id && m.Id < reply.Id && m.Kind == MessageKind.Text && m.Visibility == MessageVisibility.Everyone);
        var lastStaff = await thread.Where(m => m.Author!.Kind == MemberKind.Staff).MaxAsync(m => (long?)m.Id, ct) ?? 0;
        var askedAt = await thread.Where(m => m.Id > lastStaff && m.Author!.Kind == MemberKind.Client)
            .OrderBy(m => m.Id).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(ct);
        if (askedAt is not { } asked)
        {
            return;
        }

        db.ConversationResponses.Add(new ConversationResponse
        {
            WorkspaceId = conversation.WorkspaceId,
            ConversationId = conversation.Id,
            ProjectId = conversation.ProjectId,
            MessageId = reply.Id,
            ResponderMemberId = responderMemberId,
            AskedAt = asked,
            RespondedAt = reply.CreatedAt,
            Seconds = (int)Math.Clamp((reply.CreatedAt - asked).TotalSeconds, 0, int.MaxValue),
            IsFirst = !await db.ConversationResponses.AnyAsync(r => r.ConversationId == conversation.Id, ct),
        });
    }
}
