using Messaging.Core.Common.Events;
using Messaging.Core.Data;
using Messaging.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.ProjectThreads;

/// <summary>
/// Threads born from a project. When a project first becomes Active its thread is created with its accepted contacts
/// and its team, opened by a welcome system message (or, with <see cref="Project.ThreadPerContact"/>, one thread per
/// accepted contact with the team). The ids the threads are recorded under, read under a lock of the project row,
/// make it happen once: moving to Active again creates nothing, it is announced in the threads instead. A contact
/// accepted later joins the shared thread (or gets their own); a contact removed leaves the project's threads.
/// </summary>
public sealed class ProjectThreadCreation(MessagingDbContext db, ProjectThreadWriter threads, TimeProvider clock)
    : IDomainEventHandler<ProjectStageChanged>, IDomainEventHandler<ProjectContactChanged>
{
    public async Task HandleAsync(ProjectStageChanged domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var project = domainEvent.Project;
        var me = domainEvent.ChangedBy;
        await threads.LockAsync(project.Id, ct);
        var created = await CreatedAsync(project.Id, ct);
        if (project.Stage == ProjectStage.Active && !created)
        {
            await CreateAsync(domainEvent, ct);
            return;
        }

        await threads.AnnounceAsync(me, project.Id,
            $"The project is now {ProjectStageRules.Label(project.Stage)} (it was {ProjectStageRules.Label(domainEvent.From)}).", ct);
    }

    public async Task HandleAsync(ProjectContactChanged domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var project = domainEvent.Project;
        var me = domainEvent.ChangedBy;
        var contact = domainEvent.Contact;
        var name = await db.Members.AsNoTracking().Where(m => m.Id == contact.MemberId).Select(m => m.DisplayName).SingleAsync(ct);
        await threads.LockAsync(project.Id, ct);
        if (domainEvent.To == ContactState.Accepted)
        {
            var shared = await db.Projects.AsNoTracking().Where(p => p.Id == project.Id).Select(p => p.ThreadConversationId).SingleAsync(ct);
            if (contact.ThreadConversationId is { } own)
            {
                await threads.JoinAsync(me, own, contact.MemberId, $"{name} accepted the project and is back in this thread.", ct);
            }
            else if (!project.ThreadPerContact && shared is { } thread)
            {
                await threads.JoinAsync(me, thread, contact.MemberId, $"{name} accepted the project and joined this thread.", ct);
            }
            else if (project.ThreadPerContact && await CreatedAsync(project.Id, ct) && project.Stage is ProjectStage.Active or ProjectStage.OnHold)
            {
                await CreateOwnAsync(domainEvent.ChangedBy, project, contact, name, ct);
            }

            return;
        }

        if (domainEvent.From == ContactState.Accepted)
        {
            foreach (var thread in await threads.ThreadsAsync(project.Id, ct))
            {
                await threads.LeaveAsync(me, thread.Id, contact.MemberId, $"{name} is no longer a contact of the project.", ct);
            }

            await Live.LiveAccess.RevokeAsync(db, contact.MemberId, ct);
        }
    }

    /// <summary>Whether the project's threads were created (the shared one, or any contact's own when created per contact).</summary>
    private async Task<bool> CreatedAsync(long projectId, CancellationToken ct) =>
        await db.Projects.AsNoTracking().AnyAsync(p => p.Id == projectId && (p.ThreadConversationId != null || p.ThreadsCreatedAt != null), ct);

    private async Task CreateAsync(ProjectStageChanged domainEvent, CancellationToken ct)
    {
        var project = domainEvent.Project;
        var (team, contacts) = await threads.PeopleAsync(project.Id, ct);
        project.ThreadsCreatedAt = clock.GetUtcNow();
        if (project.ThreadPerContact)
        {
            foreach (var (id, name) in contacts)
            {
                var link = await db.ProjectMembers.SingleAsync(pm => pm.ProjectId == project.Id && pm.MemberId == id, ct);
                if (link.ThreadConversationId is null)
                {
                    await CreateOwnAsync(domainEvent.ChangedBy, project, link, name, ct);
                }
            }

            await db.SaveChangesAsync(ct);
            return;
        }

        var thread = await threads.CreateAsync(domainEvent.ChangedBy, project, project.Name, [.. contacts.Select(c => c.Id), .. team.Select(t => t.Id)],
            Welcome(project.Name, contacts.Select(c => c.Name), team.Select(t => t.Name)), ct);
        project.ThreadConversationId = thread.Id;
        await db.SaveChangesAsync(ct);
    }

    private async Task CreateOwnAsync(Access.CurrentMember me, Project project, ProjectMember contact, string name, CancellationToken ct)
    {
        var (team, _) = await threads.PeopleAsync(project.Id, ct);
        var thread = await threads.CreateAsync(me, project, $"{project.Name} · {name}", [contact.MemberId, .. team.Select(t => t.Id)],
            Welcome(project.Name, [name], team.Select(t => t.Name)), ct);
        var tracked = db.ProjectMembers.Local.SingleOrDefault(pm => pm.ProjectId == project.Id && pm.MemberId == contact.MemberId)
            ?? await db.ProjectMembers.SingleAsync(pm => pm.ProjectId == project.Id && pm.MemberId == contact.MemberId, ct);
        tracked.ThreadConversationId = thread.Id;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The welcome system message: names only, what everyone in the thread may know.</summary>
    public static string Welcome(string project, IEnumerable<string> contacts, IEnumerable<string> team)
    {
        var who = contacts.ToList();
        var staff = team.ToList();
        return $"Welcome to {project}! The project is now Active, and this thread is where "
            + (who.Count == 0 ? "its contacts" : string.Join(", ", who))
            + " and the team"
            + (staff.Count == 0 ? "" : $" ({string.Join(", ", staff)})")
            + " talk about it. The project's brief, dates, checklist and milestones are in the panel above.";
    }
}
