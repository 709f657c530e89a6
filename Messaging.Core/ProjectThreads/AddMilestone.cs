using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Projects;

namespace Messaging.Core.ProjectThreads;

/// <summary>Staff add a milestone to the project: a title and an optional due date, at 0 % progress.</summary>
public sealed class AddMilestone(MessagingDbContext db, ProjectPanelEdits edits, TimeProvider clock)
{
    public Task<Result<long>> HandleAsync(CurrentMember me, long conversationId, string? title, string? dueOn, CancellationToken ct) =>
        edits.RunAsync(me, conversationId, project =>
        {
            var name = title?.Trim() ?? string.Empty;
            if (name.Length is 0 or > ProjectPanelRules.MaxTitleLength)
            {
                return Task.FromResult(Result<ProjectPanelEdits.Change>.Invalid("Title", $"Name the milestone (at most {ProjectPanelRules.MaxTitleLength} characters)."));
            }

            var (due, error) = ProjectPanelRules.ParseDate(dueOn, "due date");
            if (error is not null)
            {
                return Task.FromResult(Result<ProjectPanelEdits.Change>.Invalid("DueOn", error));
            }

            db.ProjectMilestones.Add(new ProjectMilestone { ProjectId = project.Id, Title = name, DueOn = due, CreatedAt = clock.GetUtcNow() });
            return Task.FromResult(Result<ProjectPanelEdits.Change>.Ok(new(
                $"Milestone added: “{name}”{(due is { } d ? $" (due {ProjectPanelRules.Day(d)})" : "")}.")));
        }, ct);
}
