using Messaging.Core.Access;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

public enum InboxView
{
    Unassigned,
    Mine,
    All,
    Waiting,
    Closed,
}

public sealed record InboxQuery(
    InboxView View = InboxView.Unassigned,
    long? ProjectId = null,
    long? ClientMemberId = null,
    long? TagId = null,
    bool UrgentOnly = false,
    long? AssigneeMemberId = null,
    int Page = 1)
{
    public const int PageSize = 25;
}

/// <summary>Who a conversation belongs to today: the assignee, or their cover while they are away.</summary>
public sealed record EffectiveAssignee(long MemberId, string Name, string? CoveringFor);

public sealed record InboxRow(
    long Id,
    string Subject,
    string? ProjectName,
    ConversationStatus Status,
    EffectiveAssignee? Assignee,
    IReadOnlyList<string> Clients,
    IReadOnlyList<string> Tags,
    bool Urgent,
    DateTimeOffset LastActivityAt);

public sealed record InboxPage(IReadOnlyList<InboxRow> Rows, IReadOnlyDictionary<InboxView, int> Counts, int Page, bool HasMore);

/// <summary>
/// The shared inbox: the conversations a staff member may see (the access rules apply in SQL), in one of
/// the views, filtered, newest activity first, with the number in every view under the same filters.
/// "Mine" and the assignee filter use the effective assignee: an absent member's conversations count for their cover.
/// </summary>
public sealed class ListInbox(MessagingDbContext db, TimeProvider clock)
{
    public async Task<InboxPage> HandleAsync(CurrentMember me, InboxQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(query);
        var filtered = Filtered(me, query);
        var counts = new Dictionary<InboxView, int>();
        foreach (var view in Enum.GetValues<InboxView>())
        {
            counts[view] = await InView(filtered, view, me).CountAsync(ct);
        }

        var page = Math.Max(1, query.Page);
        var rows = await InView(filtered, query.View, me)
            .OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id)
            .Skip((page - 1) * InboxQuery.PageSize).Take(InboxQuery.PageSize + 1)
            .Select(c => new
            {
                c.Id,
                c.Subject,
                ProjectName = c.Project != null ? c.Project.Name : null,
                c.Status,
                c.AssignedMemberId,
                Clients = c.Participants.Where(p => p.Member!.Kind == MemberKind.Client).OrderBy(p => p.JoinedAt).Select(p => p.Member!.DisplayName).ToList(),
                Tags = c.Tags.OrderBy(t => t.Tag!.Name).Select(t => t.Tag!.Name).ToList(),
                Urgent = c.Messages.Any(m => m.Priority == MessagePriority.Urgent && m.DeletedAt == null),
                c.LastActivityAt,
            })
            .ToListAsync(ct);
        var assignees = await new EffectiveAssignees(db, clock).LoadAsync(me.WorkspaceId, rows.Select(r => r.AssignedMemberId), ct);
        var result = rows.Take(InboxQuery.PageSize).Select(r => new InboxRow(
            r.Id, r.Subject, r.ProjectName, r.Status, r.AssignedMemberId is { } a ? assignees[a] : null, r.Clients, r.Tags, r.Urgent, r.LastActivityAt)).ToList();
        return new InboxPage(result, counts, page, rows.Count > InboxQuery.PageSize);
    }

    /// <summary>The counts alone, for the live badge strip.</summary>
    public async Task<IReadOnlyDictionary<InboxView, int>> CountsAsync(CurrentMember me, InboxQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(query);
        var filtered = Filtered(me, query);
        var counts = new Dictionary<InboxView, int>();
        foreach (var view in Enum.GetValues<InboxView>())
        {
            counts[view] = await InView(filtered, view, me).CountAsync(ct);
        }

        return counts;
    }

    private IQueryable<Conversation> Filtered(CurrentMember me, InboxQuery query)
    {
        var visible = db.Conversations.AsNoTracking().VisibleTo(me);
        if (!me.IsStaff)
        {
            return visible.Where(c => false);
        }

        if (query.ProjectId is { } project)
        {
            visible = visible.Where(c => c.ProjectId == project);
        }

        if (query.ClientMemberId is { } client)
        {
            visible = visible.Where(c => c.Participants.Any(p => p.MemberId == client));
        }

        if (query.TagId is { } tag)
        {
            visible = visible.Where(c => c.Tags.Any(t => t.TagId == tag));
        }

        if (query.UrgentOnly)
        {
            visible = visible.Where(c => c.Messages.Any(m => m.Priority == MessagePriority.Urgent && m.DeletedAt == null));
        }

        if (query.AssigneeMemberId is { } assignee)
        {
            visible = visible.Where(InboxRules.EffectivelyAssignedTo(db, assignee, InboxRules.Today(clock)));
        }

        return visible;
    }

    private IQueryable<Conversation> InView(IQueryable<Conversation> filtered, InboxView view, CurrentMember me) => view switch
    {
        InboxView.Unassigned => filtered.Where(c => c.AssignedMemberId == null && c.Status != ConversationStatus.Closed),
        InboxView.Mine => filtered.Where(c => c.Status != ConversationStatus.Closed).Where(InboxRules.EffectivelyAssignedTo(db, me.MemberId, InboxRules.Today(clock))),
        InboxView.Waiting => filtered.Where(c => c.Status == ConversationStatus.WaitingOnClient),
        InboxView.Closed => filtered.Where(c => c.Status == ConversationStatus.Closed),
        _ => filtered,
    };
}
