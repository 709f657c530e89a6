using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Common.Events;
using Messaging.Core.Data;

namespace Messaging.Core.Projects;

/// <summary>
/// Staff (Managers and Admins) mark a client contact of a project Invited, Accepted or Removed: for a client who
/// accepted by phone, to take someone off, or to invite them again. Audited; publishes <see cref="ProjectContactChanged"/>,
/// so an accepted contact joins the project's thread and a removed one leaves it.
/// </summary>
public sealed class SetContactState(MessagingDbContext db, AuditLog audit, DomainEvents events)
{
    public const string MemberField = "MemberId";

    public async Task<Result<ContactState>> HandleAsync(CurrentMember me, long projectId, long memberId, ContactState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var project = await ProjectAdministration.FindAsync(db, me, projectId, ct);
        if (project is null)
        {
            return Result<ContactState>.NotFound();
        }

        if (!Enum.IsDefined(state))
        {
            return Result<ContactState>.Invalid("State", "Choose Invited, Accepted or Removed.");
        }

        var contact = project.Members.SingleOrDefault(pm => pm.MemberId == memberId && pm.Relation == ProjectRelation.Contact);
        if (contact is null)
        {
            return Result<ContactState>.Invalid(MemberField, "That person is not a client contact of this project.");
        }

        return await ProjectContacts.ChangeAsync(db, audit, events, me, project, contact, state, ct);
    }
}
