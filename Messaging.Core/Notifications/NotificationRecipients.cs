using Messaging.Core.Access;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Messaging.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Notifications;

/// <summary>
/// Who hears about a new message by email: the conversation's other active participants and, for a
/// client's message, the project's team and the staff member the conversation is assigned to (their
/// cover while they are away) - the staff alerts. Internal notes reach staff only; nobody hears from
/// someone they blocked. The one place to extend.
/// </summary>
public sealed class NotificationRecipients(MessagingDbContext db, TimeProvider clock)
{
    /// <summary>The recipients as a query, so the caller loads what it needs about them in the same round trip.</summary>
    public IQueryable<Member> For(Conversation conversation, Message message, bool authorIsClient)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(message);
        var conversationId = conversation.Id;
        var authorId = message.AuthorMemberId;
        var staffOnly = message.Visibility == MessageVisibility.StaffOnly;
        var projectId = authorIsClient ? conversation.ProjectId : null;
        var assignedId = authorIsClient ? conversation.AssignedMemberId : null;
        var today = Inbox.InboxRules.Today(clock);
        var absences = db.MemberAbsences.Where(a => a.MemberId == assignedId && a.StartsOn <= today && a.EndsOn >= today);
        return db.Members.AsNoTracking()
            .Where(m => m.WorkspaceId == conversation.WorkspaceId && m.IsActive && m.Id != authorId)
            .Where(m => !staffOnly || m.Kind == MemberKind.Staff)
            .Where(m => !db.MemberBlocks.Any(b => b.BlockerMemberId == m.Id && b.BlockedMemberId == authorId))
            .Where(m => db.Participants.Any(p => p.ConversationId == conversationId && p.MemberId == m.Id)
                || (projectId != null && m.Kind == MemberKind.Staff && db.ProjectMembers.Any(pm =>
                    pm.ProjectId == projectId && pm.MemberId == m.Id && pm.Relation == ProjectRelation.Team))
                || (assignedId != null && m.Kind == MemberKind.Staff
                    && ((m.Id == assignedId && !absences.Any()) || absences.Any(a => a.CoverMemberId == m.Id))));
    }
}
