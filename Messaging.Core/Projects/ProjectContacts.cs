using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Common.Events;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Projects;

/// <summary>What the contact use cases share: the one way a contact's state changes (audited, announced by event).</summary>
public static class ProjectContacts
{
    public static string Label(ContactState state) => state.ToString();

    internal static async Task<Result<ContactState>> ChangeAsync(
        MessagingDbContext db, AuditLog audit, DomainEvents events, CurrentMember me, Project project, ProjectMember contact, ContactState to, CancellationToken ct)
    {
        var from = contact.State;
        if (from == to)
        {
            return Result<ContactState>.Ok(to);
        }

        var name = await db.Members.AsNoTracking().Where(m => m.Id == contact.MemberId).Select(m => m.DisplayName).SingleAsync(ct);
        contact.State = to;
        audit.Record(me, AuditActions.ProjectChange, "project", project.Id.ToString(CultureInfo.InvariantCulture),
            $"{project.Name}: contact {name} {Label(from)} → {Label(to)}");
        await events.SaveAndPublishAsync(new ProjectContactChanged(project, contact, from, to, me), ct);
        return Result<ContactState>.Ok(to);
    }
}
