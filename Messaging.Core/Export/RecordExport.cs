using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Data;

namespace Messaging.Core.Export;

/// <summary>What one written file was: its name, the SHA-256 of its bytes, the stamp printed in it and how many messages it holds.</summary>
public sealed record ExportedFile(string FileName, ExportFormat Format, string FileSha256, string ContentSha256, int MessageCount, int ConversationCount);

/// <summary>
/// The audit entry of an export (written when the export starts, or is queued) and the record of each issued
/// file (written once its bytes are complete), which is what <c>/exports/verify</c> checks files against.
/// </summary>
public sealed class RecordExport(MessagingDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<int> HandleAsync(CurrentMember me, ExportPlan plan, ExportFormat format, string how, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(plan);
        var ids = string.Join(',', plan.Conversations.Select(c => c.Id.ToString(CultureInfo.InvariantCulture)));
        audit.Record(
            me,
            AuditActions.Export,
            plan.Conversations.Count == 1 ? "conversation" : "conversations",
            ids,
            $"{format.ToString().ToUpperInvariant()}, {plan.MessageCount} messages, {plan.RangeText}"
                + (plan.IncludesInternalNotes ? ", internal notes included" : "") + $", {how}");
        return await db.SaveChangesAsync(ct);
    }

    public async Task IssuedAsync(long workspaceId, long memberId, ExportPlan plan, ExportedFile file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(file);
        db.ExportRecords.Add(new ExportRecord
        {
            WorkspaceId = workspaceId,
            MemberId = memberId,
            Format = file.Format,
            FileSha256 = file.FileSha256,
            ContentSha256 = file.ContentSha256,
            FileName = file.FileName,
            ConversationCount = file.ConversationCount,
            MessageCount = file.MessageCount,
            RangeFrom = plan.Request.From,
            RangeTo = plan.Request.To,
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }
}
