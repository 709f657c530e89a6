using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Common.Events;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Messaging.Core.Projects;
using Microsoft.EntityFrameworkCore;
using Conversation = Messaging.Core.Conversations.Conversation;

namespace Messaging.Core.Inbox;

/// <summary>
/// Optional round-robin per project: when a client starts a conversation in a project that has it on,
/// the conversation goes to the project's team member (active staff who can answer, not away today) with
/// the fewest conversations of the project assigned so far, the longest-standing member first on a tie;
/// so assignments go round the team. The thread gets a staff-only line, and <see cref="ConversationAssigned"/> is
/// published (the assignee gets the live notice; no email, since the assignment is written as theirs).
/// </summary>
public sealed class AutoAssignment(MessagingDbContext db, DomainEvents events) : IDomainEventHandler<MessageAppended>
{
    public async Task HandleAsync(MessageAppended domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var (conversation, message) = (domainEvent.Conversation, domainEvent.Message);
        if (!domainEvent.IsClientMessage
            || conversation.AssignedMemberId is not null || conversation.ProjectId is not { } projectId
            || !await db.Projects.AnyAsync(p => p.Id == projectId && p.AutoAssign, ct)
            || await db.Messages.AnyAsync(m => m.ConversationId == conversation.Id && m.Id < message.Id, ct))
        {
            return;
        }

        var today = DateOnly.FromDateTime(message.CreatedAt.UtcDateTime);
        var next = await db.ProjectMembers.AsNoTracking()
            .Where(pm => pm.ProjectId == projectId && pm.Relation == ProjectRelation.Team)
            .Select(pm => pm.Member!)
            .Where(m => m.IsActive && m.Kind == MemberKind.Staff && m.Role != StaffRole.Viewer)
            .Where(m => !db.MemberAbsences.Any(a => a.MemberId == m.Id && a.StartsOn <= today && a.EndsOn >= today))
            .OrderBy(m => db.Conversations.Count(c => c.ProjectId == projectId && c.AssignedMemberId == m.Id))
            .ThenBy(m => m.Id)
            .Select(m => (long?)m.Id)
            .FirstOrDefaultAsync(ct);
        if (next is not { } assignee)
        {
            return;
        }

        conversation.AssignedMemberId = assignee;
        var line = new Message
        {
            WorkspaceId = conversation.WorkspaceId,
            ConversationId = conversation.Id,
            AuthorMemberId = assignee,
            SubjectMemberId = assignee,
            Body = string.Empty,
            Kind = MessageKind.AutoAssigned,
            Visibility = MessageVisibility.StaffOnly,
            CreatedAt = message.CreatedAt,
        };
        db.Messages.Add(line);
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(new ConversationAssigned(conversation.WorkspaceId, conversation.Id, assignee, assignee, line.Id, message.CreatedAt), ct);
    }
}
