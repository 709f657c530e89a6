using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Projects;

public sealed record ProjectPerson(long MemberId, string DisplayName, MemberKind Kind, bool IsActive)
{
    /// <summary>Invited, accepted or removed (team members are always accepted).</summary>
    public ContactState State { get; init; } = ContactState.Accepted;
}

/// <summary>A conversation of the project, for the project page's list of threads.</summary>
public sealed record ProjectThread(long ConversationId, string Subject, DateTimeOffset LastActivityAt, int People, bool IsProjectThread);

/// <summary>A project with its people, and who could be added: active clients (not subcontractors) as contacts, active staff to the team.</summary>
public sealed record ProjectDetails(
    long Id,
    string Name,
    ProjectStage Stage,
    IReadOnlyList<ProjectPerson> Contacts,
    IReadOnlyList<ProjectPerson> Team,
    IReadOnlyList<ProjectPerson> Candidates)
{
    /// <summary>Each accepted contact gets a thread of their own (else they join the one shared project thread).</summary>
    public bool ThreadPerContact { get; init; }

    /// <summary>The project's conversations, newest activity first; the threads the project created are marked.</summary>
    public IReadOnlyList<ProjectThread> Threads { get; init; } = [];
}

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
                p.ThreadPerContact,
                p.ThreadConversationId,
                People = p.Members.OrderBy(m => m.Member!.DisplayName)
                    .Select(m => new { m.Relation, m.ThreadConversationId, Person = new ProjectPerson(m.MemberId, m.Member!.DisplayName, m.Member.Kind, m.Member.IsActive) { State = m.State } })
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
        var created = project.People.Select(p => p.ThreadConversationId).Append(project.ThreadConversationId).OfType<long>().ToHashSet();
        var threads = await db.Conversations.AsNoTracking()
            .Where(c => c.ProjectId == project.Id)
            .OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id)
            .Take(200)
            .Select(c => new { c.Id, c.Subject, c.LastActivityAt, People = c.Participants.Count })
            .ToListAsync(ct);
        return new ProjectDetails(
            project.Id,
            project.Name,
            project.Stage,
            project.People.Where(p => p.Relation == ProjectRelation.Contact).Select(p => p.Person).ToList(),
            project.People.Where(p => p.Relation == ProjectRelation.Team).Select(p => p.Person).ToList(),
            candidates)
        {
            ThreadPerContact = project.ThreadPerContact,
            Threads = threads.Select(t => new ProjectThread(t.Id, t.Subject, t.LastActivityAt, t.People, created.Contains(t.Id))).ToList(),
        };
    }
}
