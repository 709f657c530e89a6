using System.Globalization;
using Messaging.Core.Common.Events;
using Messaging.Core.Data;
using Messaging.Core.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Messaging.Core.Notifications;

/// <summary>
/// Emails the member a conversation was just assigned to (their cover, while they are away), unless they
/// took it themselves (round-robin assignments are written as the assignee's) or turned email off. One notice per
/// assignment line, however often it is raised; written in the assignment's transaction.
/// </summary>
public sealed class EmailAssignee(MessagingDbContext db, EnqueueNotice notice, IOptions<NotificationOptions> options) : IDomainEventHandler<ConversationAssigned>
{
    public async Task HandleAsync(ConversationAssigned domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (domainEvent.AssigneeMemberId is not { } assigneeId)
        {
            return;
        }

        var assigned = domainEvent;
        var today = DateOnly.FromDateTime(assigned.At.UtcDateTime);
        var cover = await db.MemberAbsences.AsNoTracking()
            .Where(a => a.MemberId == assigneeId && a.StartsOn <= today && a.EndsOn >= today)
            .Select(a => (long?)a.CoverMemberId)
            .FirstOrDefaultAsync(ct);
        var recipientId = cover ?? assigneeId;
        if (recipientId == assigned.AssignedByMemberId
            || await db.NotificationSettings.AnyAsync(s => s.MemberId == recipientId && s.EmailMode == EmailMode.Off, ct))
        {
            return;
        }

        var facts = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == assigned.ConversationId)
            .Select(c => new
            {
                c.Subject,
                By = db.Members.Where(m => m.Id == assigned.AssignedByMemberId).Select(m => m.DisplayName).FirstOrDefault(),
                Assignee = db.Members.Where(m => m.Id == assigneeId).Select(m => m.DisplayName).FirstOrDefault(),
            })
            .SingleAsync(ct);
        var link = NotificationEmails.ThreadLink(options.Value.PublicBaseUrl, staff: true, assigned.ConversationId);
        var forWhom = cover is null ? "you" : $"{facts.Assignee} (you are covering for them)";
        var body = string.Create(CultureInfo.InvariantCulture,
            $"{facts.By} assigned the conversation “{facts.Subject}” to {forWhom}.\n\nOpen the conversation: {link}\n\nChange how and when you get these emails: {NotificationEmails.SettingsLink(options.Value.PublicBaseUrl, staff: true)}\n");
        await notice.HandleAsync(assigned.WorkspaceId, recipientId, $"Assigned to you: “{facts.Subject}”", body,
            string.Create(CultureInfo.InvariantCulture, $"assigned:{assigned.LineMessageId}:{recipientId}"), ct);
    }
}
