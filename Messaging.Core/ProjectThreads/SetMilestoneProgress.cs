using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.ProjectThreads;

/// <summary>Staff set a milestone's progress (0-100 %); at 100 it is reached, which the thread announces. A milestone of another project is refused.</summary>
public sealed class SetMilestoneProgress(MessagingDbContext db, ProjectPanelEdits edits, TimeProvider clock)
{
    public const string NotOnProject = "That milestone is not on this project.";

    public Task<Result<long>> HandleAsync(CurrentMember me, long conversationId, long milestoneId, int progress, CancellationToken ct) =>
        edits.RunAsync(me, conversationId, async project =>
        {
            if (progress is < 0 or > 100)
            {
                return Result<ProjectPanelEdits.Change>.Invalid("Progress", "Progress is a percentage from 0 to 100.");
            }

            var milestone = await db.ProjectMilestones.SingleOrDefaultAsync(m => m.Id == milestoneId && m.ProjectId == project.Id, ct);
            if (milestone is null)
            {
                return Result<ProjectPanelEdits.Change>.Invalid("MilestoneId", NotOnProject);
            }

            if (milestone.Progress == progress)
            {
                return Result<ProjectPanelEdits.Change>.Ok(new(null));
            }

            milestone.Progress = progress;
            var reached = progress == 100 && milestone.ReachedAt is null;
            milestone.ReachedAt = progress == 100 ? milestone.ReachedAt ?? clock.GetUtcNow() : null;
            return Result<ProjectPanelEdits.Change>.Ok(new(reached
                ? $"Milestone reached: “{milestone.Title}”."
                : string.Create(CultureInfo.InvariantCulture, $"Milestone “{milestone.Title}”: {progress} % done.")));
        }, ct);
}
