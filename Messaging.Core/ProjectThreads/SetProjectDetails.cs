using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Projects;

namespace Messaging.Core.ProjectThreads;

/// <summary>Staff set a project's brief and its start and due dates from the thread's panel; dates out of range or a due date before the start are refused.</summary>
public sealed class SetProjectDetails(ProjectPanelEdits edits)
{
    public Task<Result<long>> HandleAsync(CurrentMember me, long conversationId, string? brief, string? startsOn, string? dueOn, CancellationToken ct) =>
        edits.RunAsync(me, conversationId, project =>
        {
            var text = (brief ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
            if (text.Length > ProjectPanelRules.MaxBriefLength)
            {
                return Done(Result<ProjectPanelEdits.Change>.Invalid("Brief", $"Keep the brief to {ProjectPanelRules.MaxBriefLength} characters."));
            }

            var (start, startError) = ProjectPanelRules.ParseDate(startsOn, "start date");
            var (due, dueError) = ProjectPanelRules.ParseDate(dueOn, "due date");
            var error = startError ?? dueError;
            if (error is not null)
            {
                return Done(Result<ProjectPanelEdits.Change>.Invalid(startError is null ? "DueOn" : "StartsOn", error));
            }

            if (start is { } s && due is { } d && d < s)
            {
                return Done(Result<ProjectPanelEdits.Change>.Invalid("DueOn", $"The due date ({ProjectPanelRules.Day(d)}) is before the start date ({ProjectPanelRules.Day(s)})."));
            }

            var changes = new List<string>();
            if (text != project.Brief)
            {
                changes.Add("the brief was updated");
            }

            if (start != project.StartsOn)
            {
                changes.Add(start is { } x ? $"it starts on {ProjectPanelRules.Day(x)}" : "it has no start date");
            }

            if (due != project.DueOn)
            {
                changes.Add(due is { } y ? $"it is due on {ProjectPanelRules.Day(y)}" : "it has no due date");
            }

            project.Brief = text;
            project.StartsOn = start;
            project.DueOn = due;
            return Done(Result<ProjectPanelEdits.Change>.Ok(new(changes.Count == 0 ? null : $"Project details: {string.Join(", ", changes)}.")));
        }, ct);

    private static Task<Result<ProjectPanelEdits.Change>> Done(Result<ProjectPanelEdits.Change> result) => Task.FromResult(result);
}
