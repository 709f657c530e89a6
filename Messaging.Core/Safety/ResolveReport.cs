using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Safety;

public enum ReportDecision
{
    /// <summary>Hide the reported message from everyone, and close every open report of it.</summary>
    HideMessage,

    /// <summary>Keep the message; close this report.</summary>
    Dismiss,
}

/// <summary>An Admin's decision on an open report of their workspace. Other ids are not found.</summary>
public sealed class ResolveReport(MessagingDbContext db, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(CurrentMember me, long reportId, ReportDecision decision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsAdmin)
        {
            return Result<long>.NotFound();
        }

        var report = await db.MessageReports
            .SingleOrDefaultAsync(r => r.Id == reportId && r.WorkspaceId == me.WorkspaceId && r.Status == ReportStatus.Open, ct);
        if (report is null)
        {
            return Result<long>.NotFound();
        }

        var now = clock.GetUtcNow();
        if (decision == ReportDecision.Dismiss)
        {
            Close(report, ReportStatus.Dismissed, me, now);
            await db.SaveChangesAsync(ct);
            return Result<long>.Ok(report.MessageId);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var message = await db.Messages.SingleAsync(m => m.Id == report.MessageId, ct);
        message.HiddenAt ??= now;
        var open = await db.MessageReports
            .Where(r => r.MessageId == report.MessageId && r.Status == ReportStatus.Open)
            .ToListAsync(ct);
        foreach (var r in open)
        {
            Close(r, ReportStatus.Hidden, me, now);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<long>.Ok(message.Id);
    }

    private static void Close(MessageReport report, ReportStatus status, CurrentMember me, DateTimeOffset now)
    {
        report.Status = status;
        report.ResolvedAt = now;
        report.ResolvedByMemberId = me.MemberId;
    }
}
