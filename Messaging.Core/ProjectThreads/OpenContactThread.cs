using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.ProjectThreads;

/// <summary>
/// The project page's Message action for one contact (Managers and Admins): opens the contact's project thread, or
/// starts it. Only accepted contacts are messaged about a project; an invited or removed one is refused with a
/// message and nothing is created. Returns the conversation to open.
/// </summary>
public sealed class OpenContactThread(MessagingDbContext db, ProjectThreadWriter threads)
{
    public const string MemberField = "MemberId";

    public async Task<Result<long>> HandleAsync(CurrentMember me, long projectId, long memberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var project = await ProjectAdministration.FindAsync(db, me, projectId, ct);
        if (project is null)
        {
            return Result<long>.NotFound();
        }

        var contact = project.Members.SingleOrDefault(pm => pm.MemberId == memberId && pm.Relation == ProjectRelation.Contact);
        var person = contact is null ? null : await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => new { m.DisplayName, m.IsActive }).SingleAsync(ct);
        if (contact is null || person is null)
        {
            return Result<long>.Invalid(MemberField, "That person is not a client contact of this project.");
        }

        if (contact.State != ContactState.Accepted)
        {
            return Result<long>.Invalid(MemberField,
                $"Only accepted contacts can be messaged about the project: {person.DisplayName} is {ProjectContacts.Label(contact.State).ToLowerInvariant()}.");
        }

        if (!person.IsActive)
        {
            return Result<long>.Invalid(MemberField, $"{person.DisplayName}'s account is deactivated.");
        }

        if (contact.ThreadConversationId is { } own)
        {
            return Result<long>.Ok(own);
        }

        if (!project.ThreadPerContact && project.ThreadConversationId is { } shared
            && await db.Participants.AnyAsync(p => p.ConversationId == shared && p.MemberId == memberId, ct))
        {
            return Result<long>.Ok(shared);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await threads.LockAsync(project.Id, ct);
        await db.Entry(contact).ReloadAsync(ct);
        if (contact.ThreadConversationId is { } raced)
        {
            return Result<long>.Ok(raced);
        }

        var (team, _) = await threads.PeopleAsync(project.Id, ct);
        var thread = await threads.CreateAsync(me, project, $"{project.Name} · {person.DisplayName}", [memberId, me.MemberId, .. team.Select(t => t.Id)],
            $"{person.DisplayName} and the team of {project.Name} talk about the project here.", ct);
        contact.ThreadConversationId = thread.Id;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<long>.Ok(thread.Id);
    }
}
