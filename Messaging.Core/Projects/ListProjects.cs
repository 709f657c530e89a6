using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Projects;

public sealed record ProjectRow(long Id, string Name, ProjectStage Stage, IReadOnlyList<string> Contacts, IReadOnlyList<string> Team, int Conversations);

/// <summary>The workspace's projects for Managers and Admins, by name.</summary>
public sealed class ListProjects(MessagingDbContext db)
{
    public async Task<IReadOnlyList<ProjectRow>> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!ProjectAdministration.CanManage(me))
        {
            return [];
        }

        var rows = await db.Projects.AsNoTracking()
            .Where(p => p.WorkspaceId == me.WorkspaceId)
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Stage,
                Contacts = p.Members.Where(m => m.Relation == ProjectRelation.Contact).OrderBy(m => m.Member!.DisplayName).Select(m => m.Member!.DisplayName).ToList(),
                Team = p.Members.Where(m => m.Relation == ProjectRelation.Team).OrderBy(m => m.Member!.DisplayName).Select(m => m.Member!.DisplayName).ToList(),
                Conversations = db.Conversations.Count(c => c.ProjectId == p.Id),
            })
            .ToListAsync(ct);
        return rows.Select(r => new ProjectRow(r.Id, r.Name, r.Stage, r.Contacts, r.Team, r.Conversations)).ToList();
    }
}
