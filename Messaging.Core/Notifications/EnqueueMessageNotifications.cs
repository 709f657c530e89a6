using Messaging.Core.Common.Events;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Messaging.Core.Notifications;

/// <summary>
/// Writes the email outbox rows for a new message, inside the caller's transaction (the message and
/// its rows commit together). One pending row per recipient and conversation: a message arriving
/// while one waits joins it (and makes it urgent if it is). Recipients with email off, or who muted
/// the conversation and are not mentioned, get no row. Whether the email still goes out is decided
/// when the row is due (<see cref="DispatchEmails"/>): read meanwhile means no email. Reacts to every text
/// <see cref="MessageAppended"/>; lines the thread tells about itself notify no one.
/// </summary>
public sealed class EnqueueMessageNotifications(MessagingDbContext db, NotificationRecipients recipients, IOptions<NotificationOptions> options)
    : IDomainEventHandler<MessageAppended>
{
    public Task HandleAsync(MessageAppended domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return domainEvent.IsText
            ? HandleAsync(domainEvent.Conversation, domainEvent.Message, domainEvent.AuthorKind == Access.MemberKind.Client, ct)
            : Task.CompletedTask;
    }

    public async Task HandleAsync(Conversation conversation, Message message, bool authorIsClient, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(message);
        var conversationId = conversation.Id;
        var people = await recipients.For(conversation, message, authorIsClient)
            .Select(m => new
            {
                m.Id,
                Settings = db.NotificationSettings.FirstOrDefault(s => s.MemberId == m.Id),
                Muted = db.Participants.Any(p => p.ConversationId == conversationId && p.MemberId == m.Id && p.IsMuted),
            })
            .ToListAsync(ct);
        var mentioned = message.Mentions.Select(m => m.MemberId).ToHashSet();
        var rows = people
            .Where(p => !p.Muted || mentioned.Contains(p.Id))
            .Select(p => (p.Id, Due: NotificationSchedule.DueAt(p.Settings ?? NotificationSettings.Defaults(p.Id), message.CreatedAt, options.Value)))
            .Where(r => r.Due is not null)
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var memberIds = rows.Select(r => r.Id).ToArray();
        var dues = rows.Select(r => r.Due!.Value.ToUniversalTime()).ToArray();
        var urgent = message.Priority == MessagePriority.Urgent;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO email_outbox (workspace_id, recipient_member_id, conversation_id, kind, status, first_message_id, urgent, due_at, attempts, created_at)
            SELECT {conversation.WorkspaceId}, r.id, {conversation.Id}, 'Messages', 'Pending', {message.Id}, {urgent}, r.due, 0, {message.CreatedAt}
            FROM unnest({memberIds}, {dues}) AS r(id, due)
            ON CONFLICT (recipient_member_id, conversation_id) WHERE status = 'Pending' AND kind = 'Messages'
            DO UPDATE SET urgent = email_outbox.urgent OR excluded.urgent, due_at = LEAST(email_outbox.due_at, excluded.due_at)
            """, ct);
    }
}
