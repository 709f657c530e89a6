using Messaging.Core.Access;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Messaging.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Notifications;

/// <summary>
/// Who hears about a new message by email: the conversation's other active participants and, for a
/// client's message in a project conversation, the project's team (staff alerts). Internal notes reach
/// staff only; nobody hears from someone they blocked. The one place to extend (e.g. with the staff member a conversation is assigned to).
/// </summary>
public sealed class NotificationRecipients(MessagingDbContext db)
{
    public async Task<IReadOnlyList<long>> HandleAsync(Conversation conversation, Message message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(message);
        var staffOnly = message.Visibility == MessageVisibility.StaffOnly;
        var fromClient = await db.Members.AnyAsync(m => m.Id == message.AuthorMemberId && m.Kind == MemberKind.Client, ct);
        var projectId = fromClient ? conversation.ProjectId : null;
        return await db.Members.AsNoTracking()
            .Where(m => m.WorkspaceId == conversation.WorkspaceId && m.IsActive && m.Id != message.AuthorMemberId)
            .Where(m => !staffOnly || m.Kind == MemberKind.Staff)
            .Where(m => !db.MemberBlocks.Any(b => b.BlockerMemberId == m.Id && b.BlockedMemberId == message.AuthorMemberId))
            .Where(m => db.Participants.Any(p => p.ConversationId == conversation.Id && p.MemberId == m.Id)
                || (projectId != null && m.Kind == MemberKind.Staff && db.ProjectMembers.Any(pm =>
                    pm.ProjectId == projectId && pm.MemberId == m.Id && pm.Relation == ProjectRelation.Team)))
            .Select(m => m.Id)
            .ToListAsync(ct);
    }
}
