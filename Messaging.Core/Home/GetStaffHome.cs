using Messaging.Core.Access;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Inbox;
using Messaging.Core.Messages;
using Messaging.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Home;

/// <summary>
/// A staff member's home: client messages waiting for them (open conversations they may see, assigned to them, or
/// unassigned in a project they work on, whose latest message is a client's), the overdue items of the projects they
/// work on, and the conversations started in the last week.
/// </summary>
public sealed class GetStaffHome(MessagingDbContext db, HomeQueries queries, TimeProvider clock)
{
    /// <summary>How far back "new" threads go.</summary>
    public const int NewForDays = 7;

    public async Task<StaffHome> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var memberId = me.MemberId;
        var team = db.ProjectMembers.Where(pm => pm.MemberId == memberId && pm.Relation == ProjectRelation.Team).Select(pm => pm.ProjectId);
        var visible = db.Conversations.AsNoTracking().VisibleTo(me);
        var waiting = await visible
            .Where(c => c.Status != ConversationStatus.Closed)
            .Where(c => c.AssignedMemberId == memberId || (c.AssignedMemberId == null && c.ProjectId != null && team.Contains(c.ProjectId.Value)))
            .Select(c => new
            {
                c.Id,
                c.Subject,
                Project = c.Project != null ? c.Project.Name : null,
                Last = c.Messages.Where(m => m.Kind == MessageKind.Text && m.Visibility == MessageVisibility.Everyone && m.DeletedAt == null)
                    .OrderByDescending(m => m.Id).Select(m => new { m.Author!.Kind, m.Author.DisplayName, m.CreatedAt }).FirstOrDefault(),
            })
            .Where(x => x.Last != null && x.Last.Kind == MemberKind.Client)
            .OrderBy(x => x.Last!.CreatedAt)
            .Take(HomeQueries.Limit)
            .ToListAsync(ct);

        var today = await queries.TodayAsync(me.WorkspaceId, ct);
        var overdue = await queries.DeadlinesAsync(me, team, today, today.AddDays(-1), ct);

        var since = clock.GetUtcNow().AddDays(-NewForDays);
        var recent = await visible.Where(c => c.CreatedAt >= since)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Subject, Project = c.Project != null ? c.Project.Name : null, c.CreatedAt, By = db.Members.Where(m => m.Id == c.CreatedByMemberId).Select(m => m.DisplayName).Single() })
            .Take(HomeQueries.Limit)
            .ToListAsync(ct);

        return new StaffHome(
            waiting.Select(w => new HomeThread(w.Id, w.Subject, w.Project, $"{w.Last!.DisplayName} wrote last", w.Last.CreatedAt)).ToList(),
            overdue,
            recent.Select(r => new HomeThread(r.Id, r.Subject, r.Project, $"Started by {r.By}", r.CreatedAt)).ToList());
    }
}
