using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Common.Events;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.ProjectThreads;

/// <summary>
/// One pass of deadline reminders. For every open checklist item and unreached milestone of a project whose threads
/// exist (stage Active or On hold, messages module on; see <see cref="TargetsAsync"/>), posts a system message in the project's threads when its due
/// date is the workspace's reminder days away or nearer ("due soon"), and another once it has passed ("overdue"), and
/// publishes <see cref="DeadlineReminderPosted"/> (Notifications emails the threads' people as their settings say).
/// <para>
/// Once each, on any number of nodes, across restarts: a reminder is a row of <c>deadline_reminders</c> whose unique key
/// is (item, kind, due date), inserted by <c>ON CONFLICT DO NOTHING</c> in the same transaction as its messages and
/// emails; a pass that fails leaves no row and is retried by the next. A transaction-scoped advisory lock lets one node
/// sweep at a time (another returns at once). A due date moved later gets its own reminders for the new date.
/// "Today" is the day in the workspace's time zone.
/// </para>
/// </summary>
public sealed class SendDeadlineReminders(MessagingDbContext db, ProjectThreadWriter threads, MessageWriter writer, DomainEvents events, TimeProvider clock)
{
    /// <summary>Reminders claimed per pass; the caller runs passes until one returns fewer.</summary>
    public const int BatchSize = 100;

    private const long SweepLock = 0x5265_6d69_6e64; // "Remind"

    /// <summary>Posts the reminders that are due; returns how many were sent (0 also when another node is sweeping).</summary>
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({SweepLock}) AS \"Value\"").SingleAsync(ct);
        if (!locked)
        {
            return 0;
        }

        var claimed = await db.Database.SqlQuery<Claimed>($"""
            INSERT INTO deadline_reminders (project_id, item_kind, item_id, kind, due_on, sent_at)
            SELECT due.project_id, due.item_kind, due.item_id, due.kind, due.due_on, {now}
            FROM (
                SELECT item.*, CASE WHEN item.due_on < item.today THEN 'Overdue' ELSE 'DueSoon' END AS kind
                FROM (
                    SELECT p.id AS project_id, 'Deliverable' AS item_kind, d.id AS item_id, d.due_on,
                           ({now} AT TIME ZONE w.time_zone)::date AS today, w.reminder_days_before
                    FROM project_deliverables d JOIN projects p ON p.id = d.project_id JOIN workspaces w ON w.id = p.workspace_id
                    WHERE d.state <> 'Done' AND d.due_on IS NOT NULL
                      AND p.stage IN ('Active', 'OnHold') AND EXISTS (SELECT 1 FROM conversations c WHERE c.project_id = p.id AND c.category = 'Project') AND w.messages_enabled
                    UNION ALL
                    SELECT p.id, 'Milestone', m.id, m.due_on, ({now} AT TIME ZONE w.time_zone)::date, w.reminder_days_before
                    FROM project_milestones m JOIN projects p ON p.id = m.project_id JOIN workspaces w ON w.id = p.workspace_id
                    WHERE m.reached_at IS NULL AND m.due_on IS NOT NULL
                      AND p.stage IN ('Active', 'OnHold') AND EXISTS (SELECT 1 FROM conversations c WHERE c.project_id = p.id AND c.category = 'Project') AND w.messages_enabled
                ) item
                WHERE item.due_on <= item.today + item.reminder_days_before
            ) due
            WHERE NOT EXISTS (
                SELECT 1 FROM deadline_reminders r
                WHERE r.item_kind = due.item_kind AND r.item_id = due.item_id AND r.kind = due.kind AND r.due_on = due.due_on)
            ORDER BY due.due_on, due.item_kind, due.item_id
            LIMIT {BatchSize}
            ON CONFLICT DO NOTHING
            RETURNING id, project_id, item_kind, item_id, kind, due_on
            """).ToListAsync(ct);
        foreach (var reminder in claimed)
        {
            await SendAsync(reminder, now, ct);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return claimed.Count;
    }

    /// <summary>The system message's text: what is due, and when, counted in days from <paramref name="today"/>.</summary>
    public static string Text(string itemKind, string title, string kind, DateOnly dueOn, DateOnly today)
    {
        var what = itemKind == "Milestone" ? $"milestone “{title}”" : $"“{title}”";
        var date = dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (kind == "Overdue")
        {
            return $"Overdue: {what} was due on {date}.";
        }

        var days = dueOn.DayNumber - today.DayNumber;
        return days switch
        {
            <= 0 => $"Reminder: {what} is due today ({date}).",
            1 => $"Reminder: {what} is due tomorrow ({date}).",
            _ => string.Create(CultureInfo.InvariantCulture, $"Reminder: {what} is due in {days} days, on {date}."),
        };
    }

    private async Task SendAsync(Claimed reminder, DateTimeOffset now, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == reminder.ProjectId)
            .Select(p => new { p.Name, p.WorkspaceId, Zone = db.Workspaces.Where(w => w.Id == p.WorkspaceId).Select(w => w.TimeZone).Single() })
            .SingleAsync(ct);
        var title = reminder.ItemKind == "Milestone"
            ? await db.ProjectMilestones.Where(m => m.Id == reminder.ItemId).Select(m => m.Title).SingleAsync(ct)
            : await db.ProjectDeliverables.Where(d => d.Id == reminder.ItemId).Select(d => d.Title).SingleAsync(ct);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Common.TimeZones.Find(project.Zone)).DateTime);
        var text = Text(reminder.ItemKind, title, reminder.Kind, reminder.DueOn, today);
        var people = new Dictionary<long, long>(); // member → the thread their email links to
        foreach (var conversation in await TargetsAsync(reminder.ProjectId, ct))
        {
            var author = await db.Members.AsNoTracking().Where(m => m.Id == conversation.CreatedByMemberId)
                .Select(m => new CurrentMember(m.Id, m.WorkspaceId, m.DisplayName, m.Kind, m.Role, new HashSet<string>()))
                .SingleAsync(ct);
            await writer.AppendSystemMessageAsync(author, conversation, text, MessageVisibility.Everyone, ct);
            var ids = await db.Participants.AsNoTracking()
                .Where(p => p.ConversationId == conversation.Id && p.Member!.IsActive)
                .Select(p => p.MemberId).ToListAsync(ct);
            foreach (var id in ids)
            {
                people.TryAdd(id, conversation.Id);
            }
        }

        await events.PublishAsync(new DeadlineReminderPosted(reminder.Id, project.WorkspaceId, project.Name, text, people), ct);
    }

    /// <summary>
    /// The threads the project created; for a project older than project threads (none created), its first conversation
    /// of the Project category (one thread, not every conversation of the project).
    /// </summary>
    private async Task<List<Conversations.Conversation>> TargetsAsync(long projectId, CancellationToken ct)
    {
        var created = await threads.ThreadsAsync(projectId, ct);
        return created.Count > 0
            ? created
            : await db.Conversations.Where(c => c.ProjectId == projectId && c.Category == Conversations.ConversationCategory.Project).OrderBy(c => c.Id).Take(1).ToListAsync(ct);
    }

    private sealed record Claimed(long Id, long ProjectId, string ItemKind, long ItemId, string Kind, DateOnly DueOn);
}
