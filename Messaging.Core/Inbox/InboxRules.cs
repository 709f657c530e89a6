using System.Linq.Expressions;
using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Messaging.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

/// <summary>The inbox's shared rules: who may be assigned, and who a conversation effectively belongs to today (coverage is worked out when reading, never written into the rows).</summary>
public static class InboxRules
{
    /// <summary>Live event kinds of the inbox. Both are staff-only events that carry ids, like every other.</summary>
    public const string AssignedEvent = "assigned";

    public const string ChangedEvent = "inbox-changed";

    public const string NoPermission = "You do not have permission to assign, tag or change the status of conversations.";

    /// <summary>
    /// The conversation (tracked) a staff member may work in the inbox: null with <see cref="FailureKind.NotFound"/>
    /// when they cannot see it (or are a client), null with <see cref="FailureKind.Forbidden"/> without <see cref="Permissions.Assign"/>.
    /// </summary>
    public static async Task<(Conversation? Conversation, FailureKind Failure)> FindWorkableAsync(
        MessagingDbContext db, CurrentMember me, long conversationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(me);
        var conversation = me.IsStaff ? await db.Conversations.VisibleTo(me).SingleOrDefaultAsync(c => c.Id == conversationId, ct) : null;
        return conversation is null ? (null, FailureKind.NotFound)
            : !me.Can(Permissions.Assign) ? (null, FailureKind.Forbidden)
            : (conversation, FailureKind.None);
    }

    /// <summary>The refusal for a conversation <see cref="FindWorkableAsync"/> did not return.</summary>
    public static Result<T> Refusal<T>(FailureKind failure) =>
        failure == FailureKind.Forbidden ? Result<T>.Forbidden(NoPermission) : Result<T>.NotFound();

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
}
