using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Common.Events;
using Messaging.Core.Data;

namespace Messaging.Core.Projects;

/// <summary>
/// Moves a project to another stage, if <see cref="ProjectStageRules.RefuseChange"/> allows it; what its clients may do
/// follows from <see cref="ProjectStageRules"/>. Publishes <see cref="ProjectStageChanged"/>.
/// </summary>
public sealed class SetProjectStage(MessagingDbContext db, AuditLog audit, DomainEvents events)
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

        if (project.Stage == stage)
        {
            return Result<ProjectStage>.Ok(stage);
        }

        if (ProjectStageRules.RefuseChange(project.Stage, stage) is { } refusal)
        {
            return Result<ProjectStage>.Invalid("Stage", refusal);
        }

        var from = project.Stage;
        audit.Record(me, AuditActions.ProjectChange, "project", project.Id.ToString(CultureInfo.InvariantCulture), $"{project.Name}: stage {from} → {stage}");
        project.Stage = stage;

        // The project thread is created (once) and the change announced by the handlers, in the same transaction.
        await events.SaveAndPublishAsync(new ProjectStageChanged(project, from, me), ct);
        return Result<ProjectStage>.Ok(stage);
    }
}
