using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Common.Events;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Projects;

/// <summary>
/// A client accepts (or declines) their invitation to a project in the portal. Accepting makes them an accepted
/// contact (they join the project's thread); declining marks them Removed. A project they are not invited to, or
/// were removed from, does not exist for them (404).
/// </summary>
public sealed class RespondToInvitation(MessagingDbContext db, AuditLog audit, DomainEvents events)
{
    public async Task<Result<ContactState>> HandleAsync(CurrentMember me, long projectId, bool accept, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsClient)
        {
            return Result<ContactState>.NotFound();
        }

        var project = await db.Projects.Include(p => p.Members)
            .SingleOrDefaultAsync(p => p.Id == projectId && p.WorkspaceId == me.WorkspaceId, ct);
        var contact = project?.Members.SingleOrDefault(pm => pm.MemberId == me.MemberId && pm.Relation == ProjectRelation.Contact && pm.State != ContactState.Removed);
        if (project is null || contact is null)
        {
            return Result<ContactState>.NotFound();
        }

        if (!accept && contact.State == ContactState.Accepted)
        {
            return Result<ContactState>.Invalid("Accept", "You have already accepted this project. Ask the team if you should no longer be on it.");
        }

        return await ProjectContacts.ChangeAsync(db, audit, events, me, project, contact, accept ? ContactState.Accepted : ContactState.Removed, ct);
    }
}
