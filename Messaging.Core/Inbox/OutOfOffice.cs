using Messaging.Core.Common.Events;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Conversation = Messaging.Core.Conversations.Conversation;

namespace Messaging.Core.Inbox;

/// <summary>
/// The optional automatic reply: only when the workspace turned it on, and only once per client turn
/// (not again before the team has written), a client message to a conversation whose assignee is away
/// gets the workspace's out-of-office text as a line on the assignee's behalf, itself a <see cref="MessageAppended"/>
/// (so it is announced live like any message). Off by default: nothing is sent.
/// </summary>
public sealed class OutOfOffice(MessagingDbContext db, DomainEvents events) : IDomainEventHandler<MessageAppended>
{
    public async Task HandleAsync(MessageAppended domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var (conversation, message) = (domainEvent.Conversation, domainEvent.Message);
        if (!domainEvent.IsClientMessage || conversation.AssignedMemberId is not { } assignee)
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

        var reply = new Message
        {
            WorkspaceId = conversation.WorkspaceId,
            ConversationId = conversation.Id,
            AuthorMemberId = assignee,
            Body = setting.OutOfOfficeText,
            Kind = MessageKind.OutOfOffice,
            Visibility = MessageVisibility.Everyone,
            CreatedAt = message.CreatedAt,
        };
        db.Messages.Add(reply);
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(new MessageAppended(conversation, reply, Access.MemberKind.Staff), ct);
    }
}
