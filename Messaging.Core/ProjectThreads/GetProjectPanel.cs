using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.ProjectThreads;

/// <summary>A checklist item as the panel shows it; <see cref="IsOverdue"/> when its due day has passed and it is not done.</summary>
public sealed record DeliverableView(long Id, string Title, DateOnly? DueOn, long? OwnerMemberId, string? OwnerName, DeliverableState State, bool IsOverdue);

public sealed record MilestoneView(long Id, string Title, DateOnly? DueOn, int Progress, bool IsReached);

public sealed record PanelPerson(long MemberId, string DisplayName);

/// <summary>What the thread's project panel shows, and whether the reader may edit it (with the owners they may choose).</summary>
public sealed record ProjectPanel(
    long ConversationId,
    long ProjectId,
    string ProjectName,
    ProjectStage Stage,
    string Brief,
    DateOnly? StartsOn,
    DateOnly? DueOn,
    PaymentState PaymentState,
    IReadOnlyList<DeliverableView> Deliverables,
    IReadOnlyList<MilestoneView> Milestones,
    bool CanEdit,
    IReadOnlyList<PanelPerson> Owners)
{
    public int DoneCount => Deliverables.Count(d => d.State == DeliverableState.Done);
}

/// <summary>
/// The project panel of a conversation: null when the member may not see the conversation or it has no project.
/// Everything in it is what the project's clients may know (no internal notes); "today" for overdue items is the
/// workspace's day.
/// </summary>
public sealed class GetProjectPanel(MessagingDbContext db, TimeProvider clock)
{
    public async Task<ProjectPanel?> HandleAsync(CurrentMember me, long conversationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var found = await ProjectPanelEdits.ResolveAsync(db, me, conversationId, ct);
        if (found is not { } f)
        {
            return null;
        }

        var project = await db.Projects.AsNoTracking().Where(p => p.Id == f.ProjectId)
            .Select(p => new { p.Id, p.Name, p.Stage, p.Brief, p.StartsOn, p.DueOn, p.PaymentState, p.WorkspaceId })
            .SingleAsync(ct);
        var zone = await db.Workspaces.AsNoTracking().Where(w => w.Id == project.WorkspaceId).Select(w => w.TimeZone).SingleAsync(ct);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Common.TimeZones.Find(zone)).DateTime);
        var items = await db.ProjectDeliverables.AsNoTracking().Where(d => d.ProjectId == project.Id)
            .OrderBy(d => d.DueOn == null).ThenBy(d => d.DueOn).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.Title, d.DueOn, d.OwnerMemberId, Owner = d.Owner != null ? d.Owner.DisplayName : null, d.State })
            .ToListAsync(ct);
        var milestones = await db.ProjectMilestones.AsNoTracking().Where(m => m.ProjectId == project.Id)
            .OrderBy(m => m.DueOn == null).ThenBy(m => m.DueOn).ThenBy(m => m.Id)
            .Select(m => new MilestoneView(m.Id, m.Title, m.DueOn, m.Progress, m.ReachedAt != null))
            .ToListAsync(ct);
        var owners = !f.CanEdit ? [] : await db.ProjectMembers.AsNoTracking()
            .Where(pm => pm.ProjectId == project.Id && pm.State == ContactState.Accepted && pm.Member!.IsActive)
            .OrderBy(pm => pm.Member!.DisplayName)
            .Select(pm => new PanelPerson(pm.MemberId, pm.Member!.DisplayName))
            .ToListAsync(ct);
        return new ProjectPanel(
            conversationId, project.Id, project.Name, project.Stage, project.Brief, project.StartsOn, project.DueOn, project.PaymentState,
            items.Select(d => new DeliverableView(d.Id, d.Title, d.DueOn, d.OwnerMemberId, d.Owner, d.State, d.State != DeliverableState.Done && d.DueOn < today)).ToList(),
            milestones, f.CanEdit, owners);
    }
}
