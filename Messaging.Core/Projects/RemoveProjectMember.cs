using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Live;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Projects;

/// <summary>Takes a member off a project. They keep the conversations they take part in, and lose those they only saw through the project.</summary>
public sealed class RemoveProjectMember(MessagingDbContext db, AuditLog audit)
{
    public async Task<Result<bool>> HandleAsync(CurrentMember me, long projectId, long memberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var project = await ProjectAdministration.FindAsync(db, me, projectId, ct);
        if (project is null)
        {
            return Result<bool>.NotFound();
        }

        var link = project.Members.SingleOrDefault(pm => pm.MemberId == memberId);
        if (link is null)
        {
            return Result<bool>.Invalid("MemberId", "That person is not on this project.");
        }

        project.Members.Remove(link);
        audit.Record(me, AuditActions.ProjectChange, "project", project.Id.ToString(CultureInfo.InvariantCulture), $"{project.Name}: removed member {memberId.ToString(CultureInfo.InvariantCulture)}");
        await db.SaveChangesAsync(ct);
        await LiveAccess.RevokeAsync(db, memberId, ct);
        return Result<bool>.Ok(true);
    }
}
