using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Audit;

/// <summary>Filters of the audit page. Dates are whole UTC days, both ends included.</summary>
public sealed record AuditQuery(long? MemberId = null, string? Action = null, DateOnly? From = null, DateOnly? To = null, int Page = 1);

public sealed record AuditEntryView(
    long Id,
    long? ActorMemberId,
    string Actor,
    string Action,
    string? ObjectType,
    string? ObjectId,
    string? Detail,
    string? IpAddress,
    DateTimeOffset OccurredAt);

public sealed record AuditMemberOption(long Id, string DisplayName);

public sealed record AuditPage(
    IReadOnlyList<AuditEntryView> Entries,
    int Page,
    int PageCount,
    int Total,
    IReadOnlyList<AuditMemberOption> Members);

/// <summary>The audit log of the admin's own workspace, newest first, a page at a time.</summary>
public sealed class ListAuditEntries(MessagingDbContext db)
{
    public const int PageSize = 50;

    /// <summary>Null for anyone but an Admin.</summary>
    public async Task<AuditPage?> HandleAsync(CurrentMember me, AuditQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(query);
        if (!me.IsAdmin)
        {
            return null;
        }

        var entries = db.AuditEntries.AsNoTracking().Where(a => a.WorkspaceId == me.WorkspaceId);
        if (query.MemberId is { } memberId)
        {
            entries = entries.Where(a => a.ActorMemberId == memberId);
        }

        if (!string.IsNullOrEmpty(query.Action))
        {
            entries = entries.Where(a => a.Action == query.Action);
        }

        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(a => a.OccurredAt >= start);
        }

        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(a => a.OccurredAt < end);
        }

        var total = await entries.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await entries
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(a => new AuditEntryView(
                a.Id,
                a.ActorMemberId,
                db.Members.Where(m => m.Id == a.ActorMemberId).Select(m => m.DisplayName).FirstOrDefault() ?? a.ActorLabel ?? "—",
                a.Action,
                a.ObjectType,
                a.ObjectId,
                a.Detail,
                a.IpAddress,
                a.OccurredAt))
            .ToListAsync(ct);

        var members = await db.Members.AsNoTracking()
            .Where(m => m.WorkspaceId == me.WorkspaceId)
            .OrderBy(m => m.DisplayName).ThenBy(m => m.Id)
            .Select(m => new AuditMemberOption(m.Id, m.DisplayName))
            .ToListAsync(ct);
        return new AuditPage(rows, page, pageCount, total, members);
    }
}
