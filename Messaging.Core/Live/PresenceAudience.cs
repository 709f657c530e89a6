using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Live;

/// <summary>
/// Who may learn that a member came online or went offline (<see cref="LivePayload.PresenceChanged"/>, or a
/// <see cref="LivePayload.PresenceSync"/> that shows or drops them): the active members who can see at least one
/// conversation that member takes part in (the same people whose thread pages show them). Nobody else gets even the
/// "presence changed" nudge (<c>presence</c>, no data: the page then asks who is online through an access-checked
/// handler), so a client learns nothing about people they never meet.
/// </summary>
public sealed class PresenceAudience(MessagingDbContext db)
{
    public async Task<LiveDelivery> HandleAsync(long workspaceId, long memberId, CancellationToken ct)
    {
        var theirs = db.Participants.Where(p => p.MemberId == memberId).Select(p => p.ConversationId);
        var presence = LiveEventView.Ephemeral("presence", 0, "{}");
        if (!await theirs.AnyAsync(ct))
        {
            return new LiveDelivery(workspaceId, new HashSet<long>(), presence);
        }

        var ids = await db.Members.AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId && m.IsActive && m.Id != memberId)
            .Where(m =>
                db.Participants.Any(p => p.MemberId == m.Id && theirs.Contains(p.ConversationId))
                || (m.Kind == MemberKind.Staff && (m.Role == StaffRole.Admin || m.Role == StaffRole.Manager))
                || (m.Kind == MemberKind.Staff && db.Conversations.Any(c => theirs.Contains(c.Id) && c.ProjectId != null
                    && db.ProjectMembers.Any(pm => pm.ProjectId == c.ProjectId && pm.MemberId == m.Id && pm.Relation == ProjectRelation.Team))))
            .Select(m => m.Id)
            .ToListAsync(ct);
        return new LiveDelivery(workspaceId, ids.ToHashSet(), presence);
    }
}
