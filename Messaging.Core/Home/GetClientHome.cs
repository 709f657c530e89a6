using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Messaging.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Home;

/// <summary>
/// A client's home (the dashboard widget): the conversations with messages they have not read (as the unread badge
/// counts them), the deadlines of their accepted projects in the next two weeks and those overdue, and what awaits
/// their decision: project invitations and checklist items in review. Only what the client may see: their
/// conversations, public messages, the panels of their projects.
/// </summary>
public sealed class GetClientHome(MessagingDbContext db, HomeQueries queries)
{
    /// <summary>How far ahead "upcoming" looks.</summary>
    public const int DaysAhead = 14;

    public async Task<ClientHome> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var memberId = me.MemberId;
        var unread = await db.Conversations.AsNoTracking().VisibleTo(me)
            .SelectMany(c => c.Participants.Where(p => p.MemberId == memberId && !p.IsArchived && p.HiddenAt == null), (c, p) => new
            {
                ConversationId = c.Id,
                c.Subject,
                Project = c.Project != null ? c.Project.Name : null,
                c.LastPublicActivityAt,
                Count = db.Messages.Count(m => m.ConversationId == c.Id && m.Id > p.LastReadMessageId && m.AuthorMemberId != memberId
                    && m.DeletedAt == null && m.Visibility == MessageVisibility.Everyone),
            })
            .Where(x => x.Count > 0)
            .OrderByDescending(x => x.LastPublicActivityAt)
            .Take(HomeQueries.Limit)
            .ToListAsync(ct);

        var mine = db.ProjectMembers.Where(pm => pm.MemberId == memberId && pm.Relation == ProjectRelation.Contact && pm.State == ContactState.Accepted).Select(pm => pm.ProjectId);
        var today = await queries.TodayAsync(me.WorkspaceId, ct);
        var deadlines = await queries.DeadlinesAsync(me, mine, today, today.AddDays(DaysAhead), ct);

        var invited = db.ProjectMembers.Where(pm => pm.MemberId == memberId && pm.Relation == ProjectRelation.Contact && pm.State == ContactState.Invited).Select(pm => pm.ProjectId);
        var invitations = await db.Projects.AsNoTracking()
            .Where(p => invited.Contains(p.Id) && p.Stage != ProjectStage.Closed)
            .OrderBy(p => p.Name).Select(p => p.Name).Take(HomeQueries.Limit).ToListAsync(ct);
        var inReview = await db.ProjectDeliverables.AsNoTracking()
            .Where(d => mine.Contains(d.ProjectId) && d.State == DeliverableState.InReview)
            .OrderBy(d => d.DueOn == null).ThenBy(d => d.DueOn).ThenBy(d => d.Title)
            .Select(d => new { d.Title, d.ProjectId, Project = db.Projects.Where(p => p.Id == d.ProjectId).Select(p => p.Name).Single() })
            .Take(HomeQueries.Limit).ToListAsync(ct);
        var threads = await queries.ThreadsAsync(me, inReview.Select(d => d.ProjectId).Distinct().ToList(), ct);

        return new ClientHome(
            unread.Select(u => new HomeThread(u.ConversationId, u.Subject, u.Project,
                u.Count == 1 ? "1 new message" : string.Create(CultureInfo.InvariantCulture, $"{u.Count} new messages"), u.LastPublicActivityAt)).ToList(),
            deadlines,
            invitations.Select(name => new HomeDecision($"You are invited to the project {name}.", name, null, IsInvitation: true))
                .Concat(inReview.Select(d => new HomeDecision($"“{d.Title}” is ready for your review.", d.Project, threads.GetValueOrDefault(d.ProjectId), IsInvitation: false)))
                .ToList());
    }
}
