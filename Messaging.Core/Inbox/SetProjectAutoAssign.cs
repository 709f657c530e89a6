using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Projects;
using Conversation = Messaging.Core.Conversations.Conversation;

namespace Messaging.Core.Inbox;

/// <summary>Managers turn round-robin assignment of new client conversations on or off for a project; audited.</summary>
public sealed class SetProjectAutoAssign(MessagingDbContext db, AuditLog audit)
{
    public async Task<Result<bool>> HandleAsync(CurrentMember me, long projectId, bool on, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var project = await ProjectAdministration.FindAsync(db, me, projectId, ct);
        if (project is null)
        {
            return Result<bool>.NotFound();
        }

        if (project.AutoAssign != on)
        {
            audit.Record(me, AuditActions.ProjectChange, "project", project.Id.ToString(CultureInfo.InvariantCulture),
                $"{project.Name}: automatic assignment {(on ? "on" : "off")}");
            project.AutoAssign = on;
            await db.SaveChangesAsync(ct);
        }

        return Result<bool>.Ok(on);
    }
}
