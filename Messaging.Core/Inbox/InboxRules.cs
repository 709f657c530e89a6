using System.Linq.Expressions;
using Messaging.Core.Access;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Live;
using Messaging.Core.Messages;
using Messaging.Core.Projects;

namespace Messaging.Core.Inbox;

/// <summary>The inbox's shared rules: who may be assigned, and who a conversation effectively belongs to today (coverage is worked out when reading, never written into the rows).</summary>
public static class InboxRules
{
    /// <summary>Live event kinds of the inbox. Both are staff-only events that carry ids, like every other.</summary>
    public const string AssignedEvent = "assigned";

    public const string ChangedEvent = "inbox-changed";

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Conversations that are the member's today: assigned to them while they are not away, or to someone they cover.</summary>
    public static Expression<Func<Conversation, bool>> EffectivelyAssignedTo(MessagingDbContext db, long memberId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        return c =>
            (c.AssignedMemberId == memberId && !db.MemberAbsences.Any(a => a.MemberId == memberId && a.StartsOn <= today && a.EndsOn >= today))
            || db.MemberAbsences.Any(a => a.CoverMemberId == memberId && a.MemberId == c.AssignedMemberId && a.StartsOn <= today && a.EndsOn >= today);
    }

    /// <summary>Active staff who could work the conversation: Admins and Managers, its participants, and the project's team.</summary>
    public static IQueryable<Member> WithAccess(MessagingDbContext db, long workspaceId, long conversationId, long? projectId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Members.Where(m => m.WorkspaceId == workspaceId && m.IsActive && m.Kind == MemberKind.Staff
            && (m.Role == StaffRole.Admin || m.Role == StaffRole.Manager
                || db.Participants.Any(p => p.ConversationId == conversationId && p.MemberId == m.Id)
                || (projectId != null && db.ProjectMembers.Any(pm => pm.ProjectId == projectId && pm.MemberId == m.Id && pm.Relation == ProjectRelation.Team))));
    }

    /// <summary>A staff-only event that makes inbox lists and counts refresh (and, for an assignment, tells the assignee).</summary>
    public static LiveEvent Event(Conversation conversation, string kind, long actorMemberId, long? messageId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return new LiveEvent
        {
            WorkspaceId = conversation.WorkspaceId,
            ConversationId = conversation.Id,
            MessageId = messageId,
            Kind = kind,
            Visibility = MessageVisibility.StaffOnly,
            ActorMemberId = actorMemberId,
            CreatedAt = at,
        };
    }
}
