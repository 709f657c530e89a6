using Messaging.Core.Data;
using Messaging.Core.Live;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Conversation = Messaging.Core.Conversations.Conversation;

namespace Messaging.Core.Inbox;

/// <summary>
/// The optional automatic reply: only when the workspace turned it on, and only once per client turn
/// (not again before the team has written), a client message to a conversation whose assignee is away
/// gets the workspace's out-of-office text as a line on the assignee's behalf. Off by default: nothing is sent.
/// </summary>
public static class OutOfOffice
{
    public static async Task OnClientMessageAsync(MessagingDbContext db, Conversation conversation, Message message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(message);
        if (conversation.AssignedMemberId is not { } assignee)
        {
            return;
        }

        var setting = await db.Workspaces.AsNoTracking().Where(w => w.Id == conversation.WorkspaceId)
            .Select(w => new { w.OutOfOfficeEnabled, w.OutOfOfficeText }).SingleAsync(ct);
        if (!setting.OutOfOfficeEnabled || string.IsNullOrWhiteSpace(setting.OutOfOfficeText))
        {
            return;
        }

        var today = DateOnly.FromDateTime(message.CreatedAt.UtcDateTime);
        var away = await db.MemberAbsences.AnyAsync(a => a.MemberId == assignee && a.StartsOn <= today && a.EndsOn >= today, ct);
        var lastTeamLine = await db.Messages.Where(m => m.ConversationId == conversation.Id && m.Visibility == MessageVisibility.Everyone
                && (m.Kind == MessageKind.OutOfOffice || (m.Kind == MessageKind.Text && m.Author!.Kind == Access.MemberKind.Staff)))
            .OrderByDescending(m => m.Id).Select(m => (MessageKind?)m.Kind).FirstOrDefaultAsync(ct);
        if (!away || lastTeamLine == MessageKind.OutOfOffice)
        {
            return;
        }

        db.Messages.Add(new Message
        {
            WorkspaceId = conversation.WorkspaceId,
            ConversationId = conversation.Id,
            AuthorMemberId = assignee,
            Body = setting.OutOfOfficeText,
            Kind = MessageKind.OutOfOffice,
            Visibility = MessageVisibility.Everyone,
            CreatedAt = message.CreatedAt,
        });
        db.LiveEvents.Add(new LiveEvent
        {
            WorkspaceId = conversation.WorkspaceId,
            ConversationId = conversation.Id,
            Kind = LiveEventKinds.Message,
            Visibility = MessageVisibility.Everyone,
            ActorMemberId = assignee,
            CreatedAt = message.CreatedAt,
        });
    }
}
