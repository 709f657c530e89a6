using Messaging.Core.Access;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

/// <summary>
/// What a new message does to a conversation's status and response times, inside the writer's
/// transaction (called once from <see cref="MessageWriter"/> for every text message). Internal notes change nothing.
/// A client message reopens the conversation; a staff reply records how long the client waited and,
/// unless the workspace turned it off, sets the conversation to "waiting on client".
/// </summary>
public static class ConversationWorkflow
{
    public static async Task OnMessageAsync(MessagingDbContext db, CurrentMember me, Conversation conversation, Message message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Visibility != MessageVisibility.Everyone)
        {
            return;
        }

        if (!me.IsStaff)
        {
            conversation.Status = ConversationStatus.Open;
            await AutoAssignment.OnClientMessageAsync(db, conversation, message, ct);
            await OutOfOffice.OnClientMessageAsync(db, conversation, message, ct);
            return;
        }

        await RecordResponseAsync(db, me, conversation, message, ct);
        if (conversation.Status == ConversationStatus.Open
            && await db.Workspaces.Where(w => w.Id == conversation.WorkspaceId).Select(w => w.StaffReplySetsWaiting).SingleAsync(ct))
        {
            conversation.Status = ConversationStatus.WaitingOnClient;
        }
    }

    private static async Task RecordResponseAsync(MessagingDbContext db, CurrentMember me, Conversation conversation, Message reply, CancellationToken ct)
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
            ResponderMemberId = me.MemberId,
            AskedAt = asked,
            RespondedAt = reply.CreatedAt,
            Seconds = (int)Math.Clamp((reply.CreatedAt - asked).TotalSeconds, 0, int.MaxValue),
            IsFirst = !await db.ConversationResponses.AnyAsync(r => r.ConversationId == conversation.Id, ct),
        });
    }
}
