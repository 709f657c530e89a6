using System.Linq.Expressions;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Messaging.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Access;

/// <summary>
/// The access rules of DESIGN.md in one place. Every read of conversations or messages goes through
/// these filters; the live-event fan-out asks <see cref="AudienceAsync"/> the same question from the
/// other side.
/// </summary>
public static class ConversationAccess
{
    /// <summary>Conversations the member may see: clients their own; Admins and Managers the whole workspace; other staff their own and their projects'.</summary>
    public static IQueryable<Conversation> VisibleTo(this IQueryable<Conversation> conversations, CurrentMember me)
    {
        ArgumentNullException.ThrowIfNull(me);
        var inWorkspace = conversations.Where(c => c.WorkspaceId == me.WorkspaceId);
        if (!me.Can(Permissions.View))
        {
            return inWorkspace.Where(c => false);
        }

        if (me.IsClient)
        {
            return inWorkspace.Where(c => c.Participants.Any(p => p.MemberId == me.MemberId));
        }

        if (me.SeesWholeWorkspace)
        {
            return inWorkspace;
        }

        return inWorkspace.Where(c =>
            c.Participants.Any(p => p.MemberId == me.MemberId)
            || (c.Project != null && c.Project.Members.Any(pm => pm.MemberId == me.MemberId && pm.Relation == ProjectRelation.Team)));
    }

    /// <summary>Messages the member may read, in conversations they may see. Internal notes only for staff.</summary>
    public static Expression<Func<Message, bool>> ReadableBy(CurrentMember me)
    {
        ArgumentNullException.ThrowIfNull(me);
        return me.IsStaff
            ? m => true
            : m => m.Visibility == MessageVisibility.Everyone;
    }

    /// <summary>The active members who may see an event in this conversation with this visibility.</summary>
    public static async Task<IReadOnlySet<long>> AudienceAsync(
        MessagingDbContext db, long conversationId, MessageVisibility visibility, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var conversation = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == conversationId)
            .Select(c => new { c.WorkspaceId, c.ProjectId })
            .SingleOrDefaultAsync(ct);
        if (conversation is null)
        {
            return new HashSet<long>();
        }

        var ids = await db.Members.AsNoTracking()
            .Where(m => m.WorkspaceId == conversation.WorkspaceId && m.IsActive)
            .Where(m => visibility == MessageVisibility.Everyone || m.Kind == MemberKind.Staff)
            .Where(m =>
                db.Participants.Any(p => p.ConversationId == conversationId && p.MemberId == m.Id)
                || (m.Kind == MemberKind.Staff && (m.Role == StaffRole.Admin || m.Role == StaffRole.Manager))
                || (m.Kind == MemberKind.Staff && conversation.ProjectId != null && db.ProjectMembers.Any(pm =>
                    pm.ProjectId == conversation.ProjectId && pm.MemberId == m.Id && pm.Relation == ProjectRelation.Team)))
            .Select(m => m.Id)
            .ToListAsync(ct);
        return ids.ToHashSet();
    }
}
