using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

public sealed record ResponseFigures(int Count, double? MedianSeconds, double? P90Seconds);

public sealed record DayVolume(DateOnly Day, int FromClients, int FromTeam);

public sealed record GroupFigures(string Name, int Conversations, int Responses, double? MedianFirstSeconds, double? MedianSeconds);

public sealed record StatusCount(ConversationStatus Status, int Count);

/// <summary>Team analytics for a period (issue 9), from the stored response times and the messages themselves.</summary>
public sealed record TeamReport(
    DateOnly From,
    DateOnly To,
    ResponseFigures FirstResponse,
    ResponseFigures AllResponses,
    IReadOnlyList<DayVolume> Volume,
    IReadOnlyList<GroupFigures> PerMember,
    IReadOnlyList<GroupFigures> PerProject,
    IReadOnlyList<StatusCount> Statuses);

/// <summary>
/// Median and p90 first-response time, every response, message volume per day, per member and per
/// project, and open versus closed, for the days <c>from</c>..<c>to</c> (UTC, inclusive). Managers and Admins
/// only (they see the whole workspace); anyone else gets not-found. Aggregated in PostgreSQL
/// (<c>percentile_cont</c>), so the page never loads rows one by one.
/// </summary>
public sealed class GetTeamReport(MessagingDbContext db)
{
    public const int MaxDays = 366;
    public const string PeriodField = "to";

    public async Task<Result<TeamReport>> HandleAsync(CurrentMember me, DateOnly from, DateOnly to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.SeesWholeWorkspace)
        {
            return Result<TeamReport>.NotFound();
        }

        if (to < from)
        {
            return Result<TeamReport>.Invalid(PeriodField, "The period ends before it starts: choose an end date on or after the start.");
        }

        if (to.DayNumber - from.DayNumber >= MaxDays)
        {
            return Result<TeamReport>.Invalid(PeriodField, $"Choose a period of at most {MaxDays} days.");
        }

        var ws = me.WorkspaceId;
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var first = await db.Database.SqlQuery<ResponseFigures>($"""
            SELECT count(*)::int AS count,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median_seconds,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) AS p90seconds
            FROM conversation_responses
            WHERE workspace_id = {ws} AND is_first AND responded_at >= {start} AND responded_at < {end}
            """).SingleAsync(ct);
        var all = await db.Database.SqlQuery<ResponseFigures>($"""
            SELECT count(*)::int AS count,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median_seconds,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) AS p90seconds
            FROM conversation_responses
            WHERE workspace_id = {ws} AND responded_at >= {start} AND responded_at < {end}
            """).SingleAsync(ct);
        var volume = await db.Database.SqlQuery<DayVolume>($"""
            SELECT (m.created_at AT TIME ZONE 'UTC')::date AS day,
                   count(*) FILTER (WHERE a.kind = 'Client')::int AS from_clients,
                   count(*) FILTER (WHERE a.kind = 'Staff')::int AS from_team
            FROM messages m JOIN members a ON a.id = m.author_member_id
            WHERE m.workspace_id = {ws} AND m.kind = 'Text' AND m.visibility = 'Everyone' AND m.deleted_at IS NULL
              AND m.created_at >= {start} AND m.created_at < {end}
            GROUP BY 1 ORDER BY 1
            """).ToListAsync(ct);
        var perMember = await db.Database.SqlQuery<GroupFigures>($"""
            SELECT a.display_name AS name, count(DISTINCT r.conversation_id)::int AS conversations, count(*)::int AS responses,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY r.seconds) FILTER (WHERE r.is_first) AS median_first_seconds,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY r.seconds) AS median_seconds
            FROM conversation_responses r JOIN members a ON a.id = r.responder_member_id
            WHERE r.workspace_id = {ws} AND r.responded_at >= {start} AND r.responded_at < {end}
            GROUP BY a.id, a.display_name ORDER BY count(*) DESC, a.display_name
            """).ToListAsync(ct);
        var perProject = await db.Database.SqlQuery<GroupFigures>($"""
            SELECT coalesce(p.name, 'No project') AS name, count(DISTINCT r.conversation_id)::int AS conversations, count(*)::int AS responses,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY r.seconds) FILTER (WHERE r.is_first) AS median_first_seconds,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY r.seconds) AS median_seconds
            FROM conversation_responses r LEFT JOIN projects p ON p.id = r.project_id
            WHERE r.workspace_id = {ws} AND r.responded_at >= {start} AND r.responded_at < {end}
            GROUP BY p.id, p.name ORDER BY count(*) DESC, 1
            """).ToListAsync(ct);
        var statuses = await db.Conversations.AsNoTracking()
            .Where(c => c.WorkspaceId == ws && c.LastActivityAt >= start && c.CreatedAt < end)
            .GroupBy(c => c.Status)
            .Select(g => new StatusCount(g.Key, g.Count()))
            .ToListAsync(ct);
        var allStatuses = Enum.GetValues<ConversationStatus>()
            .Select(s => statuses.FirstOrDefault(x => x.Status == s) ?? new StatusCount(s, 0)).ToList();
        return Result<TeamReport>.Ok(new TeamReport(from, to, first, all, FillDays(from, to, volume), perMember, perProject, allStatuses));
    }

    /// <summary>Every day of the period, with zeros for quiet days, so the chart's axis is the calendar.</summary>
    private static List<DayVolume> FillDays(DateOnly from, DateOnly to, List<DayVolume> volume)
    {
        var byDay = volume.ToDictionary(v => v.Day);
        var days = new List<DayVolume>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            days.Add(byDay.TryGetValue(d, out var v) ? v : new DayVolume(d, 0, 0));
        }

        return days;
    }
}
