using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Conversations;

/// <summary>Someone staff could add to a conversation.</summary>
public sealed record ParticipantCandidate(long MemberId, string DisplayName, MemberKind Kind, bool IsSubcontractor);

/// <summary>
/// Who may change a conversation's people, and who may be added. Staff who can send and see the
/// conversation manage its participants. A project conversation takes the project's team and client
/// contacts, the workspace's Managers and Admins, and subcontractors; a general one takes staff and
/// subcontractors. Nobody from outside the workspace, inactive, or already in it.
/// </summary>
internal static class ParticipantRules
{
    public static bool CanManage(CurrentMember me) => me.IsStaff && me.Can(Permissions.Send);

    /// <summary>The conversation, tracked, when the member may manage its people; null answers 404.</summary>
    public static async Task<Conversation?> FindManageableAsync(MessagingDbContext db, CurrentMember me, long conversationId, CancellationToken ct) =>
        CanManage(me)
            ? await db.Conversations.VisibleTo(me)
                .Where(c => c.Id == conversationId)
                .Where(c => db.Workspaces.Any(w => w.Id == c.WorkspaceId && w.MessagesEnabled))
                .SingleOrDefaultAsync(ct)
            : null;

    public static IQueryable<Member> Candidates(MessagingDbContext db, Conversation conversation)
    {
        var members = db.Members.AsNoTracking()
            .Where(m => m.WorkspaceId == conversation.WorkspaceId && m.IsActive)
            .Where(m => !db.Participants.Any(p => p.ConversationId == conversation.Id && p.MemberId == m.Id));
        if (conversation.ProjectId is { } projectId)
        {
            return members.Where(m =>
                m.IsSubcontractor
                || (m.Kind == MemberKind.Staff && (m.Role == StaffRole.Admin || m.Role == StaffRole.Manager))
                || db.ProjectMembers.Any(pm => pm.ProjectId == projectId && pm.MemberId == m.Id
                    && (pm.Relation == ProjectRelation.Team || pm.State == ContactState.Accepted)));
        }

        return members.Where(m => m.IsSubcontractor || m.Kind == MemberKind.Staff);
    }
}
