using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.ProjectThreads;

/// <summary>Staff move a checklist item to do, in review or done. An item of another project is refused with a message.</summary>
public sealed class SetDeliverableState(MessagingDbContext db, ProjectPanelEdits edits)
{
    public const string NotOnProject = "That checklist item is not on this project.";

    public Task<Result<long>> HandleAsync(CurrentMember me, long conversationId, long deliverableId, DeliverableState state, CancellationToken ct) =>
        edits.RunAsync(me, conversationId, async project =>
        {
            if (!Enum.IsDefined(state))
            {
                return Result<ProjectPanelEdits.Change>.Invalid("State", "Choose to do, in review or done.");
            }

            var item = await db.ProjectDeliverables.SingleOrDefaultAsync(d => d.Id == deliverableId && d.ProjectId == project.Id, ct);
            if (item is null)
            {
                return Result<ProjectPanelEdits.Change>.Invalid("DeliverableId", NotOnProject);
            }

            if (item.State == state)
            {
                return Result<ProjectPanelEdits.Change>.Ok(new(null));
            }

            item.State = state;
            return Result<ProjectPanelEdits.Change>.Ok(new($"Checklist: “{item.Title}” is now {ProjectPanelRules.Label(state).ToLowerInvariant()}."));
        }, ct);
}
