using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.ProjectThreads;

/// <summary>Staff add an item to the project's deliverables checklist: a title, an optional due date and an owner from the project's people.</summary>
public sealed class AddDeliverable(MessagingDbContext db, ProjectPanelEdits edits, TimeProvider clock)
{
    public Task<Result<long>> HandleAsync(CurrentMember me, long conversationId, string? title, string? dueOn, long? ownerMemberId, CancellationToken ct) =>
        edits.RunAsync(me, conversationId, async project =>
        {
            var name = title?.Trim() ?? string.Empty;
            if (name.Length is 0 or > ProjectPanelRules.MaxTitleLength)
            {
                return Result<ProjectPanelEdits.Change>.Invalid("Title", $"Name the item (at most {ProjectPanelRules.MaxTitleLength} characters).");
            }

            var (due, error) = ProjectPanelRules.ParseDate(dueOn, "due date");
            if (error is not null)
            {
                return Result<ProjectPanelEdits.Change>.Invalid("DueOn", error);
            }

            string? owner = null;
            if (ownerMemberId is { } id and > 0)
            {
                owner = await db.ProjectMembers.AsNoTracking()
                    .Where(pm => pm.ProjectId == project.Id && pm.MemberId == id && pm.State == ContactState.Accepted && pm.Member!.IsActive)
                    .Select(pm => pm.Member!.DisplayName).SingleOrDefaultAsync(ct);
                if (owner is null)
                {
                    return Result<ProjectPanelEdits.Change>.Invalid("OwnerMemberId", "Choose the owner among the project's team and accepted contacts.");
                }
            }

            db.ProjectDeliverables.Add(new ProjectDeliverable
            {
                ProjectId = project.Id,
                Title = name,
                DueOn = due,
                OwnerMemberId = owner is null ? null : ownerMemberId,
                State = DeliverableState.ToDo,
                CreatedAt = clock.GetUtcNow(),
            });
            var details = string.Join(", ", new[] { due is { } d ? $"due {ProjectPanelRules.Day(d)}" : null, owner is null ? null : $"owner {owner}" }.OfType<string>());
            return Result<ProjectPanelEdits.Change>.Ok(new($"Checklist: added “{name}”{(details.Length == 0 ? "" : $" ({details})")}."));
        }, ct);
}
