using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;

namespace Messaging.Core.Projects;

/// <summary>Moves a project to another stage; what its clients may do follows from <see cref="ProjectStageRules"/>.</summary>
public sealed class SetProjectStage(MessagingDbContext db, AuditLog audit)
{
    public async Task<Result<ProjectStage>> HandleAsync(CurrentMember me, long projectId, ProjectStage stage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var project = await ProjectAdministration.FindAsync(db, me, projectId, ct);
        if (project is null)
        {
            return Result<ProjectStage>.NotFound();
        }

        if (!Enum.IsDefined(stage))
        {
            return Result<ProjectStage>.Invalid("Stage", "Choose a stage.");
        }

        audit.Record(me, AuditActions.ProjectChange, "project", project.Id.ToString(CultureInfo.InvariantCulture), $"{project.Name}: stage {project.Stage} → {stage}");
        project.Stage = stage;
        await db.SaveChangesAsync(ct);
        return Result<ProjectStage>.Ok(stage);
    }
}
