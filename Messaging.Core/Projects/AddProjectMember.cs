using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Live;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Projects;

/// <summary>
/// Adds a member to a project: a client as an invited contact (they accept in the portal, or staff mark them
/// accepted), staff to the team. Subcontractors are not project contacts; staff add them to single conversations.
/// </summary>
public sealed class AddProjectMember(MessagingDbContext db, AuditLog audit)
{
    public const string MemberField = "MemberId";

    public async Task<Result<ProjectRelation>> HandleAsync(CurrentMember me, long projectId, long memberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var project = await ProjectAdministration.FindAsync(db, me, projectId, ct);
        if (project is null)
        {
            return Result<ProjectRelation>.NotFound();
        }

        var member = await db.Members.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Id == memberId && m.WorkspaceId == me.WorkspaceId && m.IsActive && !m.IsSubcontractor, ct);
        if (member is null)
        {
            return Result<ProjectRelation>.Invalid(MemberField, "Choose an active member of this workspace (subcontractors are added to single conversations instead).");
        }

        var relation = member.Kind == MemberKind.Client ? ProjectRelation.Contact : ProjectRelation.Team;
        if (project.Members.All(pm => pm.MemberId != member.Id))
        {
            var state = relation == ProjectRelation.Contact ? ContactState.Invited : ContactState.Accepted;
            project.Members.Add(new ProjectMember { ProjectId = project.Id, MemberId = member.Id, Relation = relation, State = state });
            audit.Record(me, AuditActions.ProjectChange, "project", project.Id.ToString(CultureInfo.InvariantCulture),
                relation == ProjectRelation.Contact ? $"{project.Name}: invited {member.DisplayName} (contact)" : $"{project.Name}: added {member.DisplayName} ({relation})");
            await db.SaveChangesAsync(ct);
        }

        return Result<ProjectRelation>.Ok(relation);
    }
}
