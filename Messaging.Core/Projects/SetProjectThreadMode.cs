using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;

namespace Messaging.Core.Projects;

/// <summary>
/// Managers choose whether contacts accepted on a project join its one shared thread (the default) or each get a
/// thread of their own. Threads created before the change stay as they are. Audited.
/// </summary>
public sealed class SetProjectThreadMode(MessagingDbContext db, AuditLog audit)
{
    public async Task<Result<bool>> HandleAsync(CurrentMember me, long projectId, bool perContact, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var project = await ProjectAdministration.FindAsync(db, me, projectId, ct);
        if (project is null)
        {
            return Result<bool>.NotFound();
        }

        if (project.ThreadPerContact != perContact)
        {
            project.ThreadPerContact = perContact;
            audit.Record(me, AuditActions.ProjectChange, "project", project.Id.ToString(CultureInfo.InvariantCulture),
                $"{project.Name}: {(perContact ? "a thread for each contact" : "one shared thread")}");
            await db.SaveChangesAsync(ct);
        }

        return Result<bool>.Ok(perContact);
    }
}
