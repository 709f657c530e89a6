using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Common.Events;
using Messaging.Core.Data;

namespace Messaging.Core.Projects;

/// <summary>Creates a project (Managers and Admins); one created Active gets its project thread at once.</summary>
public sealed class CreateProject(MessagingDbContext db, TimeProvider clock, AuditLog audit, DomainEvents events)
{
    public const string NameField = "Name";

    public async Task<Result<long>> HandleAsync(CurrentMember me, string? name, ProjectStage stage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!ProjectAdministration.CanManage(me))
        {
            return Result<long>.NotFound();
        }

        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > 200)
        {
            return Result<long>.Invalid(NameField, "Give the project a name (at most 200 characters).");
        }

        if (!Enum.IsDefined(stage))
        {
            return Result<long>.Invalid("Stage", "Choose a stage.");
        }

        var project = new Project { WorkspaceId = me.WorkspaceId, Name = trimmed, Stage = stage, CreatedAt = clock.GetUtcNow() };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        audit.Record(me, AuditActions.ProjectChange, "project", project.Id.ToString(CultureInfo.InvariantCulture), $"created {project.Name} ({stage})");
        await db.SaveChangesAsync(ct);
        if (stage == ProjectStage.Active)
        {
            // Created Active: it becomes Active now, so its project thread is created now.
            await events.SaveAndPublishAsync(new ProjectStageChanged(project, ProjectStage.Lead, me), ct);
        }

        await tx.CommitAsync(ct);
        return Result<long>.Ok(project.Id);
    }
}
