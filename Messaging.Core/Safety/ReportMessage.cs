using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Messaging.Core.Safety;

public sealed record ReportMessageCommand(long MessageId, ReportReason? Reason, string? Details);

/// <summary>
/// Reports a message the member can read to the workspace's Admins. A member has at most one open
/// report per message: reporting again returns the open one.
/// </summary>
public sealed class ReportMessage(MessagingDbContext db, GetReportableMessage reportable, TimeProvider clock)
{
    public const string ReasonField = "Reason";
    public const string DetailsField = "Details";

    public async Task<Result<long>> HandleAsync(CurrentMember me, ReportMessageCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(command);
        var message = await reportable.HandleAsync(me, command.MessageId, ct);
        if (message is null)
        {
            return Result<long>.NotFound();
        }

        if (command.Reason is not { } reason || !Enum.IsDefined(reason))
        {
            return Result<long>.Invalid(ReasonField, "Choose a reason for the report.");
        }

        var details = string.IsNullOrWhiteSpace(command.Details) ? null : command.Details.Trim();
        if (details?.Length > MessageReport.MaxDetailsLength)
        {
            return Result<long>.Invalid(DetailsField, $"Details can be at most {MessageReport.MaxDetailsLength} characters.");
        }

        if (message.IsHidden)
        {
            return Result<long>.Invalid(ReasonField, "A moderator has already hidden this message.");
        }

        if (await OpenReportAsync(me, message.MessageId, ct) is { } existing)
        {
            return Result<long>.Ok(existing);
        }

        var report = new MessageReport
        {
            WorkspaceId = me.WorkspaceId,
            MessageId = message.MessageId,
            ReporterMemberId = me.MemberId,
            Reason = reason,
            Details = details,
            Status = ReportStatus.Open,
            CreatedAt = clock.GetUtcNow(),
        };
        db.MessageReports.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
            return Result<long>.Ok(report.Id);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return await OpenReportAsync(me, message.MessageId, ct) is { } winner
                ? Result<long>.Ok(winner)
                : throw new InvalidOperationException("Unique violation without an open report to return.", ex);
        }
    }

    private async Task<long?> OpenReportAsync(CurrentMember me, long messageId, CancellationToken ct) =>
        await db.MessageReports.AsNoTracking()
            .Where(r => r.MessageId == messageId && r.ReporterMemberId == me.MemberId && r.Status == ReportStatus.Open)
            .Select(r => (long?)r.Id)
            .FirstOrDefaultAsync(ct);
}
