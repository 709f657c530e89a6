using Messaging.Core.Access;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Home;

/// <summary>What both homes share: the workspace's day, and the deadlines of a set of projects with a thread to open for each.</summary>
public sealed class HomeQueries(MessagingDbContext db, TimeProvider clock)
{
    /// <summary>How many of each a widget lists.</summary>
    public const int Limit = 8;

    /// <summary>Today in the workspace's time zone (deadlines are whole days, as on the panel).</summary>
    public async Task<DateOnly> TodayAsync(long workspaceId, CancellationToken ct)
    {
        var zone = await db.Workspaces.AsNoTracking().Where(w => w.Id == workspaceId).Select(w => w.TimeZone).SingleOrDefaultAsync(ct);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Common.TimeZones.Find(zone)).DateTime);
    }

    /// <summary>
    /// Open checklist items and unreached milestones of these projects (Active or On hold) due on or before
    /// <paramref name="until"/>, soonest first, each with the first conversation of its project the member may see.
    /// </summary>
    public async Task<IReadOnlyList<HomeDeadline>> DeadlinesAsync(CurrentMember me, IQueryable<long> projectIds, DateOnly today, DateOnly until, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var open = db.Projects.Where(p => projectIds.Contains(p.Id) && (p.Stage == ProjectStage.Active || p.Stage == ProjectStage.OnHold)).Select(p => p.Id);
        var items = await db.ProjectDeliverables.AsNoTracking()
            .Where(d => open.Contains(d.ProjectId) && d.State != DeliverableState.Done && d.DueOn != null && d.DueOn <= until)
            .Select(d => new { d.Title, IsMilestone = false, d.ProjectId, DueOn = d.DueOn!.Value })
            .Concat(db.ProjectMilestones.AsNoTracking()
                .Where(m => open.Contains(m.ProjectId) && m.ReachedAt == null && m.DueOn != null && m.DueOn <= until)
                .Select(m => new { m.Title, IsMilestone = true, m.ProjectId, DueOn = m.DueOn!.Value }))
            .OrderBy(x => x.DueOn).ThenBy(x => x.Title)
            .Take(Limit)
            .ToListAsync(ct);
        var ids = items.Select(i => i.ProjectId).Distinct().ToList();
        var names = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var threads = await ThreadsAsync(me, ids, ct);
        return items.Select(i => new HomeDeadline(i.Title, i.IsMilestone, names[i.ProjectId], i.DueOn, i.DueOn < today, threads.GetValueOrDefault(i.ProjectId))).ToList();
    }

    /// <summary>For each project, the project's own thread if the member may see it, else the first of its conversations they may see.</summary>
    public async Task<Dictionary<long, long?>> ThreadsAsync(CurrentMember me, IReadOnlyCollection<long> projectIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(projectIds);
        var visible = await db.Conversations.AsNoTracking().VisibleTo(me)
            .Where(c => c.ProjectId != null && projectIds.Contains(c.ProjectId.Value))
            .Select(c => new { c.Id, ProjectId = c.ProjectId!.Value, Own = c.Project!.ThreadConversationId == c.Id })
            .ToListAsync(ct);
        return projectIds.ToDictionary(
            id => id,
            id => visible.Where(v => v.ProjectId == id).OrderByDescending(v => v.Own).ThenBy(v => v.Id).Select(v => (long?)v.Id).FirstOrDefault());
    }
}
