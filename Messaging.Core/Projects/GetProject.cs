using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Projects;

public sealed record ProjectPerson(long MemberId, string DisplayName, MemberKind Kind, bool IsActive);

/// <summary>A project with its people, and who could be added: active clients (not subcontractors) as contacts, active staff to the team.</summary>
public sealed record ProjectDetails(
    long Id,
    string Name,
    ProjectStage Stage,
    IReadOnlyList<ProjectPerson> Contacts,
    IReadOnlyList<ProjectPerson> Team,
    IReadOnlyList<ProjectPerson> Candidates);

public sealed class GetProject(MessagingDbContext db)
{
    public async Task<ProjectDetails?> HandleAsync(CurrentMember me, long projectId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!ProjectAdministration.CanManage(me))
        {
            return null;
        }

        var project = await db.Projects.AsNoTracking()
            .Where(p => p.Id == projectId && p.WorkspaceId == me.WorkspaceId)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Stage,
                People = p.Members.OrderBy(m => m.Member!.DisplayName)
                    .Select(m => new { m.Relation, Person = new ProjectPerson(m.MemberId, m.Member!.DisplayName, m.Member.Kind, m.Member.IsActive) })
                    .ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (project is null)
        {
            return null;
        }

        var onProject = project.People.Select(p => p.Person.MemberId).ToList();
        var candidates = await db.Members.AsNoTracking()
            .Where(m => m.WorkspaceId == me.WorkspaceId && m.IsActive && !m.IsSubcontractor && !onProject.Contains(m.Id))
            .OrderBy(m => m.Kind).ThenBy(m => m.DisplayName)
            .Select(m => new ProjectPerson(m.Id, m.DisplayName, m.Kind, m.IsActive))
            .ToListAsync(ct);
        return new ProjectDetails(
            project.Id,
            project.Name,
            project.Stage,
            project.People.Where(p => p.Relation == ProjectRelation.Contact).Select(p => p.Person).ToList(),
            project.People.Where(p => p.Relation == ProjectRelation.Team).Select(p => p.Person).ToList(),
            candidates);
    }
}
