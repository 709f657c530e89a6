using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Conversations;

/// <summary>Someone the member may start a conversation with; <see cref="ProjectId"/> is the project they share, if any.</summary>
public sealed record Recipient(long MemberId, string DisplayName, MemberKind Kind, long? ProjectId, string? ProjectName);

public sealed record ProjectOption(long Id, string Name);

public sealed record RecipientOptions(IReadOnlyList<Recipient> Recipients, IReadOnlyList<ProjectOption> Projects);

/// <summary>
/// Who a member may start a conversation with. Clients: the team members of their projects that are open for new threads (see <see cref="ProjectStageRules"/>). Staff:
/// their colleagues, and the client contacts of the projects they work on (all projects for Admins and Managers).
/// Only accepted contacts count: an invited or removed client is not messaged about the project.
/// </summary>
public sealed class ListRecipients(MessagingDbContext db)
{
    public async Task<RecipientOptions> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var projects = await VisibleProjects(me).OrderBy(p => p.Name)
            .Select(p => new ProjectOption(p.Id, p.Name)).ToListAsync(ct);
        var projectIds = projects.Select(p => p.Id).ToList();

        if (me.IsClient)
        {
            var team = await db.ProjectMembers.AsNoTracking()
                .Where(pm => projectIds.Contains(pm.ProjectId) && pm.Relation == ProjectRelation.Team && pm.Member!.IsActive)
                .Select(pm => new { pm.MemberId, pm.Member!.DisplayName, pm.ProjectId })
                .ToListAsync(ct);
            var recipients = team
                .Select(t => new Recipient(t.MemberId, t.DisplayName, MemberKind.Staff, t.ProjectId, projects.First(p => p.Id == t.ProjectId).Name))
                .OrderBy(r => r.ProjectName).ThenBy(r => r.DisplayName)
                .ToList();
            return new RecipientOptions(recipients, projects);
        }

        var colleagues = await db.Members.AsNoTracking()
            .Where(m => m.WorkspaceId == me.WorkspaceId && m.IsActive && m.Kind == MemberKind.Staff && m.Id != me.MemberId)
            .OrderBy(m => m.DisplayName)
            .Select(m => new Recipient(m.Id, m.DisplayName, MemberKind.Staff, null, null))
            .ToListAsync(ct);
        var clients = await db.ProjectMembers.AsNoTracking()
            .Where(pm => projectIds.Contains(pm.ProjectId) && pm.Relation == ProjectRelation.Contact && pm.State == ContactState.Accepted && pm.Member!.IsActive)
            .Select(pm => new { pm.MemberId, pm.Member!.DisplayName, pm.ProjectId })
            .ToListAsync(ct);
        var clientRecipients = clients
            .Select(c => new Recipient(c.MemberId, c.DisplayName, MemberKind.Client, c.ProjectId, projects.First(p => p.Id == c.ProjectId).Name))
            .OrderBy(r => r.DisplayName).ThenBy(r => r.ProjectName);
        return new RecipientOptions([.. clientRecipients, .. colleagues], projects);
    }

    private IQueryable<Project> VisibleProjects(CurrentMember me)
    {
        var inWorkspace = db.Projects.AsNoTracking().Where(p => p.WorkspaceId == me.WorkspaceId);
        if (me.SeesWholeWorkspace)
        {
            return inWorkspace;
        }

        if (me.IsClient)
        {
            return inWorkspace.Where(ProjectStageRules.OpenForNewClientThreads)
                .Where(p => p.Members.Any(pm => pm.MemberId == me.MemberId && pm.Relation == ProjectRelation.Contact && pm.State == ContactState.Accepted));
        }

        return inWorkspace.Where(p => p.Members.Any(pm => pm.MemberId == me.MemberId && pm.Relation == ProjectRelation.Team));
    }
}
