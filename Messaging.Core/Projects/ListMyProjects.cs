using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Projects;

/// <summary>A project as its client contact sees it on the portal's project list.</summary>
public sealed record MyProject(long Id, string Name, ProjectStage Stage, ContactState State, long? ThreadConversationId);

/// <summary>The projects a client is invited to or has accepted (not those they were removed from), by name.</summary>
public sealed class ListMyProjects(MessagingDbContext db)
{
    public async Task<IReadOnlyList<MyProject>> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsClient)
        {
            return [];
        }

        return await db.ProjectMembers.AsNoTracking()
            .Where(pm => pm.MemberId == me.MemberId && pm.Relation == ProjectRelation.Contact && pm.State != ContactState.Removed)
            .Join(db.Projects.Where(p => p.WorkspaceId == me.WorkspaceId), pm => pm.ProjectId, p => p.Id, (pm, p) => new { pm, p })
            .OrderBy(x => x.p.Name).ThenBy(x => x.p.Id)
            .Select(x => new MyProject(
                x.p.Id, x.p.Name, x.p.Stage, x.pm.State,
                x.pm.State != ContactState.Accepted ? null
                : x.pm.ThreadConversationId != null ? x.pm.ThreadConversationId
                : db.Participants.Any(c => c.ConversationId == x.p.ThreadConversationId && c.MemberId == me.MemberId) ? x.p.ThreadConversationId : null))
            .ToListAsync(ct);
    }
}
